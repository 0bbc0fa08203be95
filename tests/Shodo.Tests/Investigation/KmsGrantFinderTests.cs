using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation;

/// <summary>
/// A KMS grant the attacker created for a principal of another account (grantee or retiring principal) is an attacker
/// resource (kms:outside-grant, id KEY/GRANTID) with the account it lets in, the grantee and the operations, in the shape
/// the range records CreateGrant; a grant for the account itself or a service principal is no door.
/// </summary>
public sealed class KmsGrantFinderTests
{
    private const string Owner = "111122223333";
    private const string Key = "0c6e3f8a-5b2d-4e71-9a4f-7d2b1c8e6f30";
    private const string KeyArn = "arn:aws:kms:ap-northeast-1:111122223333:key/" + Key;

    private static TrailRecord Event(string id, string request, string grantId) => new()
    {
        EventId = id, EventTime = DateTimeOffset.Parse("2026-11-28T10:00:00Z").AddMinutes(id[^1] - '0'), EventSource = "kms.amazonaws.com",
        EventName = "CreateGrant", Region = "ap-northeast-1", AccessKeyId = "AKIAEXAMPLELEAKED0001", Source = "lookup:ap-northeast-1", AccountId = Owner,
        Raw = JsonDocument.Parse($$$"""{"eventID":"{{{id}}}","requestParameters":{{{request}}},"responseElements":{"grantId":"{{{grantId}}}"}}""").RootElement,
    };

    private static ChainResult Chain(params TrailRecord[] events) =>
        new([], events, [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));

    [Fact]
    public void A_grant_to_an_outside_grantee_or_retiring_principal_is_a_door_and_one_inside_the_account_is_not()
    {
        var chain = Chain(
            Event("e1", $$"""{"keyId":"{{Key}}","granteePrincipal":"arn:aws:iam::444455556666:root","operations":["Decrypt","DescribeKey"]}""", "g1"),
            Event("e2", $$"""{"keyId":"{{KeyArn}}","granteePrincipal":"arn:aws:iam::{{Owner}}:role/app","retiringPrincipal":"arn:aws:iam::999988887777:user/x","operations":["Decrypt"]}""", "g2"),
            Event("e3", $$"""{"keyId":"{{Key}}","granteePrincipal":"arn:aws:iam::{{Owner}}:role/app","operations":["Decrypt"]}""", "g3"),
            Event("e4", $$"""{"keyId":"{{Key}}","granteePrincipal":"ec2.amazonaws.com","operations":["Decrypt"]}""", "g4"));

        var found = new AttackerResourceFinder(new AccountSnapshot(), chain).Find().Where(r => r.Type == ResourceTypes.OutsideKmsGrant).ToList();

        Assert.Equal([$"{Key}/g1", $"{Key}/g2"], found.Select(r => r.ResourceId));
        Assert.Equal(["444455556666"], found[0].Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("arn:aws:iam::444455556666:root", (string)found[0].Attributes["granteePrincipal"]!);
        Assert.Equal(["Decrypt", "DescribeKey"], found[0].Attributes["operations"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["999988887777"], found[1].Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(("unknown", "ap-northeast-1", DateTimeOffset.Parse("2026-11-28T10:01:00Z")), (found[0].State, found[0].Region, found[0].CreatedAt));
    }

    [Fact]
    public void The_collected_key_says_whether_the_grant_is_still_there_and_a_revoked_one_keeps_what_the_attacker_did()
    {
        var create = Event("e1", $$"""{"keyId":"{{Key}}","granteePrincipal":"arn:aws:iam::444455556666:root","operations":["Decrypt"]}""", "g1");
        var open = new AccountSnapshot();
        open.KmsKeys.Add(new KmsKeyFact("ap-northeast-1", Key, KeyArn, "CUSTOMER", "Enabled", null,
            [new KmsGrantFact("g1", null, "arn:aws:iam::444455556666:root", null, $"arn:aws:iam::{Owner}:root", ["Decrypt"], create.EventTime, "sha-grants")],
            "sha-keys"));
        var revoked = new AccountSnapshot();
        revoked.KmsKeys.Add(new KmsKeyFact("ap-northeast-1", Key, KeyArn, "CUSTOMER", "Enabled", null, [], "sha-keys"));

        var now = Assert.Single(new AttackerResourceFinder(open, Chain(create)).Find());
        var then = Assert.Single(new AttackerResourceFinder(revoked, Chain(create)).Find());

        Assert.Equal((true, "granted", "sha-grants", KeyArn), ((bool)now.Attributes["openNow"]!, now.State, now.Evidence.Single(), (string)now.Attributes["keyArn"]!));
        Assert.Equal((false, "gone", "444455556666"), ((bool)then.Attributes["openNow"]!, then.State, (string)then.Attributes["sharedWith"]![0]!));
    }
}
