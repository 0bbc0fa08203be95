using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation;

/// <summary>
/// An EBS snapshot the attacker gave createVolumePermission to an outside account (or all) is an attacker resource
/// (ec2:shared-snapshot) — the door containment closes — in the shape CloudTrail writes ModifySnapshotAttribute, and in
/// the flat form (operationType add); one it only took permissions away from is not.
/// </summary>
public sealed class SharedEbsSnapshotFinderTests
{
    private static TrailRecord Event(string id, string requestParameters) => new()
    {
        EventId = id, EventTime = DateTimeOffset.Parse("2026-11-28T10:00:00Z"), EventSource = "ec2.amazonaws.com",
        EventName = "ModifySnapshotAttribute", Region = "ap-northeast-1", AccessKeyId = "AKIAEXAMPLELEAKED0001", Source = "lookup:ap-northeast-1",
        Raw = JsonDocument.Parse($$"""{"eventID":"{{id}}","requestParameters":{{requestParameters}}}""").RootElement,
    };

    [Fact]
    public void A_snapshot_shared_out_is_found_with_whom_and_one_only_unshared_is_not()
    {
        var events = new[]
        {
            Event("e1", """{"snapshotId":"snap-0aaaaaaaaaaaaaaa1","createVolumePermission":{"add":{"items":[{"userId":"444455556666"},{"group":"all"}]}},"attributeType":"CREATE_VOLUME_PERMISSION"}"""),
            Event("e2", """{"snapshotId":"snap-0aaaaaaaaaaaaaaa2","operationType":"add","userIdSet":{"items":[{"userId":"444455556666"}]}}"""),
            Event("e3", """{"snapshotId":"snap-0aaaaaaaaaaaaaaa3","createVolumePermission":{"remove":{"items":[{"userId":"444455556666"}]}}}"""),
        };
        var chain = new ChainResult([], events, [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var found = new AttackerResourceFinder(new AccountSnapshot(), chain).Find().Where(r => r.Type == ResourceTypes.SharedEbsSnapshot).ToList();

        Assert.Equal(["snap-0aaaaaaaaaaaaaaa1", "snap-0aaaaaaaaaaaaaaa2"], found.Select(r => r.ResourceId));
        Assert.Equal(["444455556666", "all"], found[0].Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("ap-northeast-1", found[0].Region);
        Assert.Equal(["e1"], found[0].EventIds);
    }

    [Fact]
    public void A_snapshot_made_public_with_the_flat_user_group_list_is_found_shared_with_all_as_the_range_records_it()
    {
        var recorded = Shodo.Range.Services.Ec2.Ec2TrailElements.RequestParameters("ModifySnapshotAttribute", new Shodo.Range.Services.Ec2.Ec2Params(
            new Dictionary<string, string>
            {
                ["Action"] = "ModifySnapshotAttribute", ["SnapshotId"] = "snap-0aaaaaaaaaaaaaaa4", ["Attribute"] = "createVolumePermission",
                ["OperationType"] = "add", ["UserGroup.1"] = "all",
            }));
        var chain = new ChainResult([], [Event("e4", recorded.ToJsonString())], [], [], null,
            new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));

        var found = new AttackerResourceFinder(new AccountSnapshot(), chain).Find().Where(r => r.Type == ResourceTypes.SharedEbsSnapshot).ToList();

        Assert.Equal(["all"], Assert.Single(found).Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
    }
}
