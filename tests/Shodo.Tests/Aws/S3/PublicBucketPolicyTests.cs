using System.Text.Json.Nodes;
using Shodo.Aws.S3;

namespace Shodo.Tests.Aws.S3;

/// <summary>
/// What S3 calls a public bucket policy ("The meaning of 'public'", S3 user guide, Block Public Access), from the guide's own
/// examples: an Allow for everyone is public unless held to fixed values of a key AWS lists; a wildcard, a policy variable, a
/// too-broad CIDR, a negated or IfExists operator, or a key that says nothing of who asks (aws:SecureTransport) hold no one.
/// </summary>
public sealed class PublicBucketPolicyTests
{
    private static bool Public(string condition, string principal = "\"*\"", string effect = "Allow") =>
        PublicBucketPolicy.IsPublic(JsonNode.Parse(
            $$"""{"Version":"2012-10-17","Statement":[{"Principal":{{principal}},"Resource":"*","Action":"s3:PutObject","Effect":"{{effect}}"{{(condition.Length > 0 ? $",\"Condition\":{condition}" : "")}}}]}"""));

    [Fact]
    public void The_guides_examples_a_wildcard_VPC_is_public_and_a_fixed_one_is_not()
    {
        Assert.True(Public("""{"StringLike":{"aws:SourceVpc":"vpc-*"}}"""));
        Assert.False(Public("""{"StringEquals":{"aws:SourceVpc":"vpc-91237329"}}"""));
    }

    [Fact]
    public void An_unconditioned_grant_to_everyone_is_public_and_one_to_a_named_principal_or_a_Deny_is_not()
    {
        Assert.True(Public(""));
        Assert.True(Public("", """{"AWS":"*"}"""));
        Assert.True(Public("", """{"AWS":["arn:aws:iam::111122223333:root","*"]}"""));
        Assert.False(Public("", """{"AWS":"arn:aws:iam::111122223333:root"}"""));
        Assert.False(Public("", """{"Service":"cloudtrail.amazonaws.com"}"""));
        Assert.False(Public("", effect: "Deny"));
        Assert.False(PublicBucketPolicy.IsPublic(null));
    }

    [Fact]
    public void Secure_transport_alone_holds_no_one_to_anything_and_is_public()
    {
        Assert.True(Public("""{"Bool":{"aws:SecureTransport":"true"}}"""));
        Assert.True(Public("""{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}"""));
        // Beside a fixed key it no longer matters: every key of a Condition must hold.
        Assert.False(Public("""{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"""));
    }

    [Theory]
    [InlineData("aws:SourceArn", "arn:aws:cloudfront::111122223333:distribution/E1ABCDEF")]
    [InlineData("aws:SourceVpce", "vpce-1a2b3c4d")]
    [InlineData("aws:SourceAccount", "111122223333")]
    [InlineData("aws:SourceOwner", "111122223333")]
    [InlineData("aws:PrincipalArn", "arn:aws:iam::111122223333:role/app")]
    [InlineData("aws:PrincipalAccount", "111122223333")]
    [InlineData("aws:PrincipalOrgID", "o-a1b2c3d4e5")]
    [InlineData("aws:userid", "AIDAEXAMPLE")]
    [InlineData("s3:DataAccessPointAccount", "111122223333")]
    [InlineData("s3:DataAccessPointArn", "arn:aws:s3:us-west-2:123456789012:accesspoint/*")]
    public void A_fixed_value_of_a_listed_key_makes_it_non_public(string key, string value)
    {
        Assert.False(Public($$$"""{"StringEquals":{"{{{key}}}":"{{{value}}}"}}"""));
        Assert.False(Public($$$"""{"ForAnyValue:StringEquals":{"{{{key}}}":["{{{value}}}"]}}"""));
    }

    [Fact]
    public void A_wildcard_a_policy_variable_or_an_operator_that_holds_without_the_key_is_public()
    {
        Assert.True(Public("""{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/app"}}"""));
        Assert.True(Public("""{"StringEquals":{"aws:PrincipalOrgID":["o-a1b2c3d4e5","o-*"]}}"""));
        Assert.True(Public("""{"StringEquals":{"aws:userid":"${aws:userid}"}}"""));
        Assert.True(Public("""{"StringLike":{"aws:userid":"AROAEXAMPLE:*"}}"""));
        Assert.True(Public("""{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}"""));
        Assert.True(Public("""{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c4d"}}"""));
        Assert.True(Public("""{"ForAllValues:StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"""));
        Assert.True(Public("""{"StringEquals":{"s3:DataAccessPointArn":"arn:aws:s3:us-west-2:*:accesspoint/*"}}"""));
        // NotPrincipal with Allow grants everyone but those it names.
        Assert.True(PublicBucketPolicy.IsPublic(JsonNode.Parse(
            """{"Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}}""")));
    }

    [Theory]
    [InlineData("192.0.2.0/24", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("0.0.0.0/1", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("11.0.0.0/7", true)]
    [InlineData("2001:db8::/32", false)]
    [InlineData("2001:db8::/31", true)]
    [InlineData("not-an-address", true)]
    public void A_source_address_restricts_only_with_a_CIDR_no_broader_than_slash_8_or_IPv6_slash_32(string cidr, bool isPublic)
    {
        Assert.Equal(isPublic, Public($$$"""{"IpAddress":{"aws:SourceIp":"{{{cidr}}}"}}"""));
        Assert.True(Public($$$"""{"NotIpAddress":{"aws:SourceIp":"{{{cidr}}}"}}"""));
    }

    [Fact]
    public void One_public_statement_makes_the_policy_public()
    {
        Assert.True(PublicBucketPolicy.IsPublic(JsonNode.Parse("""
            {"Statement":[
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}},
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}
            """)));
    }
}
