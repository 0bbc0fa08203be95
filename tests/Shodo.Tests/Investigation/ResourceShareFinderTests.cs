using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation;

/// <summary>
/// A RAM share the attacker created or associated with an outside account is an attacker resource (ram:shared-resource-share)
/// with whom it is open and what it shares, in the shape the range records CreateResourceShare; the owner itself is not
/// "outside", and a share it opened to no outside account is not a door.
/// </summary>
public sealed class ResourceShareFinderTests
{
    private const string Owner = "111122223333";
    private const string Arn = "arn:aws:ram:ap-northeast-1:111122223333:resource-share/0c3b6f3e-4a61-4c62-9f0e-3d1d2b8e2a10";
    private const string Subnet = "arn:aws:ec2:ap-northeast-1:111122223333:subnet/subnet-0abc";

    private static TrailRecord Event(string id, string name, string request, string response = "null") => new()
    {
        EventId = id, EventTime = DateTimeOffset.Parse("2026-11-28T10:00:00Z").AddMinutes(id[^1] - '0'), EventSource = "ram.amazonaws.com",
        EventName = name, Region = "ap-northeast-1", AccessKeyId = "AKIAEXAMPLELEAKED0001", Source = "lookup:ap-northeast-1", AccountId = Owner,
        Raw = JsonDocument.Parse($$"""{"eventID":"{{id}}","requestParameters":{{request}},"responseElements":{{response}}}""").RootElement,
    };

    private static ChainResult Chain(params TrailRecord[] events) =>
        new([], events, [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));

    [Fact]
    public void A_share_created_then_associated_with_outside_accounts_is_one_door_open_to_both_since_its_creation()
    {
        var chain = Chain(
            Event("e1", "CreateResourceShare", $$"""{"name":"net","resourceArns":["{{Subnet}}"],"principals":["999988887777","{{Owner}}"]}""",
                $$$"""{"resourceShare":{"resourceShareArn":"{{{Arn}}}","name":"net"}}"""),
            Event("e2", "AssociateResourceShare", $$"""{"resourceShareArn":"{{Arn}}","principals":["444455556666"]}"""),
            Event("e3", "CreateResourceShare", """{"name":"inside","principals":["111122223333"]}""",
                """{"resourceShare":{"resourceShareArn":"arn:aws:ram:ap-northeast-1:111122223333:resource-share/00000000-0000-0000-0000-000000000000"}}"""));

        var found = new AttackerResourceFinder(new AccountSnapshot(), chain).Find().Where(r => r.Type == ResourceTypes.SharedResourceShare).ToList();

        var share = Assert.Single(found);
        Assert.Equal((Arn, "ap-northeast-1", "net"), (share.ResourceId, share.Region, share.Name));
        Assert.Equal(["999988887777", "444455556666"], share.Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([Subnet], share.Attributes["resources"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T10:01:00Z"), share.CreatedAt);
        Assert.Equal(["e1", "e2"], share.EventIds);
        Assert.Equal("unknown", share.State);
    }

    [Fact]
    public void The_collected_share_says_whom_it_is_open_to_now_and_closed_since_it_keeps_what_the_attacker_did()
    {
        var create = Event("e1", "CreateResourceShare", $$"""{"name":"net","resourceArns":["{{Subnet}}"],"principals":["999988887777"]}""",
            $$$"""{"resourceShare":{"resourceShareArn":"{{{Arn}}}"}}""");
        SharePrincipalFact Principal(string status) => new("999988887777", true, status, create.EventTime);
        var open = new AccountSnapshot();
        open.ResourceShares.Add(new ResourceShareFact("ap-northeast-1", Arn, "net", "ACTIVE", true, create.EventTime,
            [Principal("ASSOCIATED")], [Subnet], "sha-open"));
        var closed = new AccountSnapshot();
        closed.ResourceShares.Add(new ResourceShareFact("ap-northeast-1", Arn, "net", "ACTIVE", true, create.EventTime,
            [Principal("DISASSOCIATED")], [Subnet], "sha-closed"));

        var now = Assert.Single(new AttackerResourceFinder(open, Chain(create)).Find(), r => r.Type == ResourceTypes.SharedResourceShare);
        var then = Assert.Single(new AttackerResourceFinder(closed, Chain(create)).Find(), r => r.Type == ResourceTypes.SharedResourceShare);

        Assert.Equal((true, "shared", "sha-open"), ((bool)now.Attributes["openNow"]!, now.State, now.Evidence.Single()));
        Assert.Equal((false, "999988887777"), ((bool)then.Attributes["openNow"]!, (string)then.Attributes["sharedWith"]![0]!));
    }
}
