using System.Text.Json.Nodes;
using Shodo.Aws.S3;

namespace Shodo.Tests.Aws.S3;

/// <summary>
/// Whom a bucket lets in, the one rule the door, blind suspicion and the drill share: the account's Block Public Access counts as
/// the bucket's does (the most restrictive of the two), RestrictPublicBuckets shuts a policy public in S3's sense (named accounts
/// too) but not one that is not, and only an unconditional Deny over reading shuts anyone out — the common DenyInsecureTransport
/// statement does not close a public bucket.
/// </summary>
public sealed class BucketOpenToTests
{
    private const string Owner = "111122223333", Outside = "444455556666";
    private static readonly PublicAccessBlockSettings Off = new(false, false, false, false);

    private static JsonNode Policy(params string[] statements) => JsonNode.Parse($"{{\"Version\":\"2012-10-17\",\"Statement\":[{string.Join(",", statements)}]}}")!;

    private const string Everyone = """{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""";
    private const string SecureEveryone = """{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}""";
    private const string Named = """{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""";
    private const string DenyInsecure = """{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}""";

    [Fact]
    public void The_accounts_settings_count_as_the_buckets_do()
    {
        var accountRestricts = PublicAccessBlockSettings.Effective(Off, new(false, true, false, true));
        Assert.Equal(["all"], BucketOpenTo.Of(Owner, null, publicAcl: true, Off));
        Assert.Empty(BucketOpenTo.Of(Owner, null, publicAcl: true, accountRestricts));
        Assert.Equal([Outside, "all"], BucketOpenTo.Of(Owner, Policy(SecureEveryone, Named), false, Off));
        Assert.Empty(BucketOpenTo.Of(Owner, Policy(SecureEveryone, Named), false, accountRestricts));
        // Not public (one named account): RestrictPublicBuckets leaves it open.
        Assert.Equal([Outside], BucketOpenTo.Of(Owner, Policy(Named), false, accountRestricts));
        Assert.Equal(accountRestricts, PublicAccessBlockSettings.Effective(null, new(false, true, false, true)));
    }

    [Fact]
    public void A_conditioned_deny_or_one_over_other_actions_shuts_no_one_out_and_an_unconditional_one_does()
    {
        Assert.Equal(["all"], BucketOpenTo.Of(Owner, Policy(Everyone, DenyInsecure), false, Off));
        Assert.Equal(["all"], BucketOpenTo.Of(Owner, Policy(Everyone,
            """{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}"""), false, Off));
        Assert.Empty(BucketOpenTo.Of(Owner, Policy(Named,
            """{"Effect":"Deny","Principal":{"AWS":"444455556666"},"Action":"s3:*","Resource":"*"}"""), false, Off));
        Assert.Empty(BucketOpenTo.Of(Owner, Policy(Named,
            """{"Effect":"Deny","Principal":{"AWS":"444455556666"},"NotAction":"s3:PutObject","Resource":"*"}"""), false, Off));
    }
}
