using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation;

/// <summary>
/// The account's Block Public Access the attacker deleted or put with a setting off (S3 Control: CloudTrail's
/// DeleteAccountPublicAccessBlock / PutAccountPublicAccessBlock) is one attacker resource for the account, open since the first
/// such event, naming the settings turned off and — from the collected setting — whether they are still off; a Put that turns
/// everything on is no door.
/// </summary>
public sealed class WeakenedAccountBlockFinderTests
{
    private static TrailRecord Event(string id, string name, string minute, string requestParameters) => new()
    {
        EventId = id, EventTime = DateTimeOffset.Parse($"2026-11-28T10:{minute}:00Z"), EventSource = "s3.amazonaws.com",
        EventName = name, Region = "us-east-1", AccessKeyId = "AKIAEXAMPLELEAKED0001", AccountId = "111122223333",
        Source = "lookup:us-east-1",
        Raw = JsonDocument.Parse($$"""{"eventID":"{{id}}","requestParameters":{{requestParameters}}}""").RootElement,
    };

    private static readonly TrailRecord[] Events =
    [
        Event("e1", "PutAccountPublicAccessBlock", "00", """{"Host":"111122223333.s3-control.us-east-1.amazonaws.com","PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":false,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}}"""),
        Event("e2", "DeleteAccountPublicAccessBlock", "02", """{"Host":"111122223333.s3-control.us-east-1.amazonaws.com"}"""),
        Event("e3", "GetAccountPublicAccessBlock", "03", """{"Host":"111122223333.s3-control.us-east-1.amazonaws.com"}"""),
    ];

    private static List<AttackerResource> Find(AccountSnapshot state, params TrailRecord[] events) =>
        new AttackerResourceFinder(state, new ChainResult([], events, [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>())))
            .Find().Where(r => r.Type == ResourceTypes.WeakenedAccountPublicAccessBlock).ToList();

    [Fact]
    public void Weakened_then_deleted_is_one_door_of_the_account_with_every_setting_turned_off_still_off_as_collected()
    {
        var state = new AccountSnapshot { AccountPublicAccessBlock = new AccountPublicAccessBlockFact(false, false, false, false, false, "e") };
        var door = Assert.Single(Find(state, Events));
        Assert.Equal(("111122223333", null, "weakened"), (door.ResourceId, door.Region, door.State));
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T10:00:00Z"), door.CreatedAt);
        Assert.Equal(["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"],
            door.Attributes["turnedOff"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["PutAccountPublicAccessBlock", "DeleteAccountPublicAccessBlock"], door.Attributes["changes"]!.AsArray().Select(v => (string)v!));
        Assert.True((bool)door.Attributes["openNow"]!);
        Assert.Equal(["e1", "e2"], door.EventIds);
    }

    [Fact]
    public void Turned_back_on_it_is_restored_and_unread_it_is_unknown()
    {
        var on = new AccountSnapshot { AccountPublicAccessBlock = new AccountPublicAccessBlockFact(true, true, true, true, true, "e") };
        var restored = Assert.Single(Find(on, Events[0]));
        Assert.Equal(["IgnorePublicAcls"], restored.Attributes["turnedOff"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(("restored", false), (restored.State, (bool)restored.Attributes["openNow"]!));

        var unread = Assert.Single(Find(new AccountSnapshot(), Events[0]));
        Assert.Equal("unknown", unread.State);
        Assert.Null(unread.Attributes["openNow"]);
        Assert.Null(unread.Attributes["settingNow"]);
    }

    [Fact]
    public void A_put_that_turns_every_setting_on_is_no_door()
    {
        var allOn = Event("e9", "PutAccountPublicAccessBlock", "05",
            """{"PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}}""");
        Assert.Empty(Find(new AccountSnapshot(), allOn));
    }
}
