using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Sts;

/// <summary>The AWS SDK for .NET talks to the range's STS unchanged, with an endpoint override.</summary>
public sealed class StsSdkTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AmazonSecurityTokenServiceClient Client(RangeCredentials credentials) => new(
        credentials.SessionToken is { } token
            ? new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, token)
            : new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey),
        new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = fixture.Range.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
        });

    [Fact]
    public async Task Sdk_gets_caller_identity_and_session_credentials()
    {
        using var sts = Client(fixture.Range.Responder);
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(RangeInfo.DefaultAccountId, identity.Account);
        Assert.EndsWith(":user/responder", identity.Arn);

        var session = await sts.GetSessionTokenAsync(new GetSessionTokenRequest { DurationSeconds = 900 });
        Assert.StartsWith("ASIA", session.Credentials.AccessKeyId);
        using var asSession = Client(new RangeCredentials(session.Credentials.AccessKeyId,
            session.Credentials.SecretAccessKey, session.Credentials.SessionToken));
        Assert.Equal(identity.Arn, (await asSession.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Arn);
    }

    [Fact]
    public async Task Sdk_sees_AWS_error_codes()
    {
        using var wrong = Client(fixture.Range.Responder with { SecretAccessKey = new string('y', 40) });
        var e = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => wrong.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        Assert.Equal("SignatureDoesNotMatch", e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, e.StatusCode);
    }
}
