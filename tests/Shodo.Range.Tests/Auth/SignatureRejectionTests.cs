using System.Net;
using System.Text;
using Shodo.Range.Auth;
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
        using var http = new HttpClient();
        var body = "Action=GetCallerIdentity&Version=2011-06-15";
        var ok = await http.SendAsync(Signed(body, body));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var tampered = await http.SendAsync(Signed(body, "Action=GetCallerIdentity&Version=2011-06-15&X=1"));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        var xml = await tampered.Content.ReadAsStringAsync();
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", xml);
        Assert.Contains("<Type>Sender</Type>", xml);
        Assert.Contains("<RequestId>", xml);
        Assert.Contains("https://sts.amazonaws.com/doc/2011-06-15/", xml);
    }

    /// <summary>A POST signed for <paramref name="signedBody"/> that sends <paramref name="sentBody"/>.</summary>
    private HttpRequestMessage Signed(string signedBody, string sentBody)
    {
        var url = fixture.Range.Url;
        var now = DateTimeOffset.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'");
        var date = amzDate[..8];
        var host = $"{url.Host}:{url.Port}";
        const string contentType = "application/x-www-form-urlencoded; charset=utf-8";
        string[] signed = ["content-type", "host", "x-amz-date"];
        var canonical = SigV4.CanonicalRequest("POST", "/", "",
            [new("Content-Type", contentType), new("Host", host), new("X-Amz-Date", amzDate)], signed,
            SigV4.PayloadHash(Encoding.UTF8.GetBytes(signedBody)), s3Style: false, presigned: false);
        var scope = $"{date}/us-east-1/sts/aws4_request";
        var signature = SigV4.Signature(fixture.Range.Responder.SecretAccessKey, date, "us-east-1", "sts",
            SigV4.StringToSign(amzDate, scope, canonical));
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(sentBody, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={fixture.Range.Responder.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");
        return request;
    }
}
