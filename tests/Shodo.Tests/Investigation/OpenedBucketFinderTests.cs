using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation;

/// <summary>
/// A bucket whose Block Public Access and policy the attacker changed is one attacker resource (s3:opened-bucket), open
/// since the first change, with whom its policy let in gathered across the events (everyone, the outside account; never
/// the owner itself); a bucket it only read is not.
/// </summary>
public sealed class OpenedBucketFinderTests
{
    private static TrailRecord Event(string id, string name, string minute, string requestParameters) => new()
    {
        EventId = id, EventTime = DateTimeOffset.Parse($"2026-11-28T10:{minute}:00Z"), EventSource = "s3.amazonaws.com",
        EventName = name, Region = "ap-northeast-1", AccessKeyId = "AKIAEXAMPLELEAKED0001", AccountId = "111122223333",
        Source = "lookup:ap-northeast-1",
        Raw = JsonDocument.Parse($$"""{"eventID":"{{id}}","requestParameters":{{requestParameters}}}""").RootElement,
    };

    [Fact]
    public void The_bucket_opened_in_two_steps_is_one_door_open_to_everyone_and_the_outside_account()
    {
        var events = new[]
        {
            Event("e1", "PutPublicAccessBlock", "00", """{"bucketName":"acme-customer-data","publicAccessBlock":"","PublicAccessBlockConfiguration":{"BlockPublicAcls":false,"IgnorePublicAcls":false,"BlockPublicPolicy":false,"RestrictPublicBuckets":false}}"""),
            Event("e2", "PutBucketPolicy", "01", """{"bucketName":"acme-customer-data","policy":"","bucketPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-customer-data/*"},{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root","arn:aws:iam::111122223333:role/app"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-customer-data/*"}]}}"""),
            Event("e3", "GetBucketPolicy", "02", """{"bucketName":"acme-app-assets","policy":""}"""),
        };
        var chain = new ChainResult([], events, [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var found = new AttackerResourceFinder(new AccountSnapshot(), chain).Find().Where(r => r.Type == ResourceTypes.OpenedBucket).ToList();

        var bucket = Assert.Single(found);
        Assert.Equal("acme-customer-data", bucket.ResourceId);
        Assert.Equal("ap-northeast-1", bucket.Region);
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T10:00:00Z"), bucket.CreatedAt);
        Assert.Equal(["444455556666", "all"], bucket.Attributes["sharedWith"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));
        Assert.Equal(["PutPublicAccessBlock", "PutBucketPolicy"], bucket.Attributes["changes"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["e1", "e2"], bucket.EventIds);
    }
}
