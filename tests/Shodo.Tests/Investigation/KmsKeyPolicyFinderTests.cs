using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation;

/// <summary>
/// A PutKeyPolicy by the attacker whose new policy lets another account (or everyone) use the key is an attacker resource
/// (kms:opened-key-policy, id: the key's id) with whom it lets in, in the shape the range records PutKeyPolicy; a policy
/// naming only the account itself is no door, and the collected policy says whether the door is still open.
/// </summary>
public sealed class KmsKeyPolicyFinderTests
{
    private const string Owner = "111122223333";
    private const string Key = "0c6e3f8a-5b2d-4e71-9a4f-7d2b1c8e6f30";
    private const string KeyArn = "arn:aws:kms:ap-northeast-1:111122223333:key/" + Key;
    private const string Root = $$"""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Owner}}:root"},"Action":"kms:*","Resource":"*"}""";
    private const string Outside = """{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["kms:Decrypt"],"Resource":"*"}""";

    private static string Policy(params string[] statements) => $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    private static TrailRecord Event(string id, string keyId, string policy) => new()
    {
        EventId = id, EventTime = DateTimeOffset.Parse("2026-11-28T10:00:00Z").AddMinutes(id[^1] - '0'), EventSource = "kms.amazonaws.com",
        EventName = "PutKeyPolicy", Region = "ap-northeast-1", AccessKeyId = "AKIAEXAMPLELEAKED0001", Source = "lookup:ap-northeast-1", AccountId = Owner,
        Raw = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            eventID = id, requestParameters = new { keyId, policyName = "default", policy, bypassPolicyLockoutSafetyCheck = false },
        })).RootElement,
    };

    private static ChainResult Chain(params TrailRecord[] events) =>
        new([], events, [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));

    [Fact]
    public void A_policy_put_letting_an_outside_account_in_is_a_door_since_the_first_such_put_and_one_for_the_account_alone_is_not()
    {
        var chain = Chain(
            Event("e1", Key, Policy(Root, Outside)),
            Event("e2", KeyArn, Policy(Root, Outside.Replace("444455556666", "999988887777"))),
            Event("e3", "1111aaaa-0000-4000-8000-000000000000", Policy(Root)));

        var found = Assert.Single(new AttackerResourceFinder(new AccountSnapshot(), chain).Find());

        Assert.Equal((ResourceTypes.OpenedKeyPolicy, Key, "ap-northeast-1"), (found.Type, found.ResourceId, found.Region));
        Assert.Equal(["444455556666", "999988887777"], found.Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
        Assert.Equal((DateTimeOffset.Parse("2026-11-28T10:01:00Z"), "unknown"), (found.CreatedAt, found.State));
        Assert.Equal(["e1", "e2"], found.EventIds);
        Assert.Null(found.Attributes["openNow"]);
    }

    [Fact]
    public void The_collected_policy_says_whether_the_door_is_still_open_and_a_closed_one_keeps_whom_the_attacker_let_in()
    {
        var put = Event("e1", Key, Policy(Root, Outside));
        KmsKeyFact Fact(string policy) => new("ap-northeast-1", Key, KeyArn, "CUSTOMER", "Enabled", policy, [], "sha-keys");
        var open = new AccountSnapshot();
        open.KmsKeys.Add(Fact(Policy(Root, Outside)));
        var closed = new AccountSnapshot();
        closed.KmsKeys.Add(Fact(Policy(Root)));

        var now = Assert.Single(new AttackerResourceFinder(open, Chain(put)).Find());
        var then = Assert.Single(new AttackerResourceFinder(closed, Chain(put)).Find());

        Assert.Equal((true, "opened", "sha-keys", KeyArn), ((bool)now.Attributes["openNow"]!, now.State, now.Evidence.Single(), (string)now.Attributes["keyArn"]!));
        Assert.Equal((false, "closed", "444455556666"), ((bool)then.Attributes["openNow"]!, then.State, (string)then.Attributes["sharedWith"]![0]!));
    }
}
