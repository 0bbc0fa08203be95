using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation;

/// <summary>
/// An AMI the attacker gave an outside account (or all) launchPermission is an attacker resource (ec2:shared-image) — the
/// door containment closes — in the shape CloudTrail writes ModifyImageAttribute; one it only took permissions away from is not.
/// </summary>
public sealed class SharedImageFinderTests
{
    private static TrailRecord Event(string id, string requestParameters) => new()
    {
        EventId = id, EventTime = DateTimeOffset.Parse("2026-11-28T10:00:00Z"), EventSource = "ec2.amazonaws.com",
        EventName = "ModifyImageAttribute", Region = "eu-west-2", AccessKeyId = "AKIAEXAMPLELEAKED0001", Source = "lookup:eu-west-2",
        Raw = JsonDocument.Parse($$"""{"eventID":"{{id}}","requestParameters":{{requestParameters}}}""").RootElement,
    };

    [Fact]
    public void An_image_shared_out_is_found_with_whom_and_one_only_unshared_is_not()
    {
        var events = new[]
        {
            Event("e1", """{"imageId":"ami-0aaaaaaaaaaaaaaa1","launchPermission":{"add":{"items":[{"userId":"444455556666"},{"group":"all"}]}},"attributeType":"launchPermission"}"""),
            Event("e2", """{"imageId":"ami-0aaaaaaaaaaaaaaa2","launchPermission":{"remove":{"items":[{"userId":"444455556666"}]}}}"""),
        };
        var chain = new ChainResult([], events, [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var found = new AttackerResourceFinder(new AccountSnapshot(), chain).Find().Where(r => r.Type == ResourceTypes.SharedImage).ToList();

        var image = Assert.Single(found);
        Assert.Equal("ami-0aaaaaaaaaaaaaaa1", image.ResourceId);
        Assert.Equal(["444455556666", "all"], image.Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("eu-west-2", image.Region);
    }

    [Fact]
    public void An_image_made_public_with_the_flat_user_group_list_is_found_shared_with_all_as_the_range_records_it()
    {
        var recorded = Shodo.Range.Services.Ec2.Ec2TrailElements.RequestParameters("ModifyImageAttribute", new Shodo.Range.Services.Ec2.Ec2Params(
            new Dictionary<string, string>
            {
                ["Action"] = "ModifyImageAttribute", ["ImageId"] = "ami-0aaaaaaaaaaaaaaa3", ["Attribute"] = "launchPermission",
                ["OperationType"] = "add", ["UserGroup.1"] = "all", ["UserId.1"] = "444455556666",
            }));
        var chain = new ChainResult([], [Event("e3", recorded.ToJsonString())], [], [], null,
            new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));

        var found = new AttackerResourceFinder(new AccountSnapshot(), chain).Find().Where(r => r.Type == ResourceTypes.SharedImage).ToList();

        Assert.Equal(["444455556666", "all"], Assert.Single(found).Attributes["sharedWith"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));
    }
}
