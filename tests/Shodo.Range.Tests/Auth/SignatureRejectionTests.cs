using System.Net;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Auth;

/// <summary>Authentication as AWS does it: bad keys, bad signatures, inactive keys and expired tokens are refused.</summary>
public sealed class SignatureRejectionTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task Wrong_secret_is_SignatureDoesNotMatch_and_unknown_key_is_InvalidClientTokenId()
    {
        var wrongSecret = fixture.Range.Responder with { SecretAccessKey = new string('x', 40) };
        var bad = await Cli.As(wrongSecret).FailsWithAsync("SignatureDoesNotMatch", "sts", "get-caller-identity");
        Assert.Contains("does not match the signature you provided", bad.ErrorMessage);

        var unknown = new RangeCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        await Cli.As(unknown).FailsWithAsync("InvalidClientTokenId", "iam", "list-users");

        var failed = fixture.Range.State.Calls.Last(c => c.ErrorCode == "InvalidClientTokenId");
        Assert.Equal("ListUsers", failed.EventName);
        Assert.Null(failed.Caller);
    }

    [Fact]
    public async Task Inactive_key_is_InvalidClientTokenId_until_reactivated()
    {
        var name = fixture.Unique("leaky");
        var key = await Cli.CreateUserWithKeyAsync(name);
        await Cli.As(key).OkAsync("sts", "get-caller-identity");

        await Cli.OkAsync("iam", "update-access-key", "--user-name", name, "--access-key-id", key.AccessKeyId, "--status", "Inactive");
        var refused = await Cli.As(key).FailsWithAsync("InvalidClientTokenId", "sts", "get-caller-identity");
        Assert.Contains("security token included in the request is invalid", refused.ErrorMessage);

        await Cli.OkAsync("iam", "update-access-key", "--user-name", name, "--access-key-id", key.AccessKeyId, "--status", "Active");
        await Cli.As(key).OkAsync("sts", "get-caller-identity");
    }

    [Fact]
    public async Task Expired_session_token_is_ExpiredToken()
    {
        var session = (await Cli.OkAsync("sts", "get-session-token", "--duration-seconds", "900")).AsCredentials();
        var identity = await Cli.As(session).OkAsync("sts", "get-caller-identity");
        Assert.EndsWith(":user/responder", identity.GetProperty("Arn").GetString());

        var wrongToken = session with { SessionToken = session.SessionToken + "x" };
        await Cli.As(wrongToken).FailsWithAsync("InvalidClientTokenId", "sts", "get-caller-identity");

        fixture.Range.State.Clock.Advance(TimeSpan.FromMinutes(16));
        var expired = await Cli.As(session).FailsWithAsync("ExpiredToken", "iam", "list-users");
        Assert.Contains("expired", expired.ErrorMessage);
    }

    [Fact]
    public async Task Tampered_body_fails_the_signature_that_the_original_passes()
    {
        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        const string body = "Action=GetCallerIdentity&Version=2011-06-15";
        var ok = await http.PostAsync("sts", "us-east-1", body);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var tampered = await http.PostAsync("sts", "us-east-1", body, sentBody: body + "&X=1");
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        var xml = await tampered.Content.ReadAsStringAsync();
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", xml);
        Assert.Contains("<Type>Sender</Type>", xml);
        Assert.Contains("<RequestId>", xml);
        Assert.Contains("https://sts.amazonaws.com/doc/2011-06-15/", xml);
    }

    [Fact]
    public async Task Unsigned_requests_and_unknown_services_are_refused_clearly()
    {
        using var plain = new HttpClient();
        var unsigned = await plain.PostAsync(fixture.Range.Url, new StringContent("Action=ListUsers&Version=2010-05-08"));
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await unsigned.Content.ReadAsStringAsync());

        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        var unknown = await http.PostAsync("lambda", "us-east-1", "Action=ListFunctions");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var text = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("<Code>UnknownService</Code>", text);
        Assert.Contains("'lambda'", text);
        Assert.Contains(fixture.Range.State.Calls, c => c.Service == "lambda" && c.ErrorCode == "UnknownService");
    }
}
