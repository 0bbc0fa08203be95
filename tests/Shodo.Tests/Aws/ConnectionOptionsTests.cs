using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

public class ConnectionOptionsTests
{
    private static Dictionary<string, string?> Env(params (string, string)[] vars) =>
        vars.ToDictionary(v => v.Item1, v => (string?)v.Item2);

    [Fact]
    public void Environment_keys_beat_AWS_PROFILE_but_not_an_explicit_profile()
    {
        var env = Env(("AWS_ACCESS_KEY_ID", "AKIAENV"), ("AWS_SECRET_ACCESS_KEY", "s"), ("AWS_PROFILE", "envprofile"));

        var fromKeys = AwsConnectionOptions.FromEnvironment(null, null, null, null, env, TimeProvider.System);
        var fromProfile = AwsConnectionOptions.FromEnvironment("ir", null, null, null, env, TimeProvider.System);

        Assert.IsType<BasicAWSCredentials>(fromKeys.Credentials);
        Assert.Null(fromKeys.Profile);
        Assert.Null(fromProfile.Credentials);
        Assert.Equal("ir", fromProfile.Profile);
    }

    [Fact]
    public void Region_and_endpoint_fall_back_to_the_aws_cli_variables()
    {
        var env = Env(("AWS_DEFAULT_REGION", "eu-central-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_SESSION_TOKEN", "t"),
            ("AWS_ACCESS_KEY_ID", "ASIAENV"), ("AWS_SECRET_ACCESS_KEY", "s"));

        var options = AwsConnectionOptions.FromEnvironment(null, null, null, null, env, TimeProvider.System);
        var explicitOptions = AwsConnectionOptions.FromEnvironment(null, "us-west-2", "https://range.example", null, env, TimeProvider.System);

        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.EndpointUrl);
        Assert.IsType<SessionAWSCredentials>(options.Credentials);
        Assert.Equal("us-west-2", explicitOptions.Region);
        Assert.Equal(new Uri("https://range.example"), explicitOptions.EndpointUrl);
    }

    [Fact]
    public void A_malformed_endpoint_url_is_a_usage_error()
    {
        var e = Assert.Throws<ShodoException>(() =>
            AwsConnectionOptions.FromEnvironment(null, null, "not a url", null, Env(), TimeProvider.System));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
    }

    [Fact]
    public async Task A_named_profile_is_read_by_the_sdk_from_the_credentials_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file,
                "[incident]\naws_access_key_id = AKIAPROFILEEXAMPLE\naws_secret_access_key = secret\nregion = sa-east-1\n");
            using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions { Profile = "incident", ProfilesFile = file });

            Assert.Equal("AKIAPROFILEEXAMPLE", (await aws.Credentials.GetCredentialsAsync()).AccessKey);
            Assert.Equal("sa-east-1", aws.Region);
            Assert.Equal("profile incident", aws.CredentialDescription);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_missing_profile_is_no_credentials_with_one_sentence()
    {
        var file = Path.GetTempFileName();
        try
        {
            var e = await Assert.ThrowsAsync<ShodoException>(() =>
                AwsConnection.OpenAsync(new AwsConnectionOptions { Profile = "nope", ProfilesFile = file }));
            Assert.Equal(ExitCode.NoCredentials, e.Diagnostic.Code);
            Assert.Contains("nope", e.Diagnostic.Summary);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Role_arn_assumes_the_role_through_the_endpoint_and_later_calls_use_its_keys()
    {
        await using var server = await AwsTestServer.StartAsync(r => r.Action == "AssumeRole"
            ? Reply.Xml("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>" +
                        "<AccessKeyId>ASIAROLEEXAMPLE</AccessKeyId><SecretAccessKey>rolesecret</SecretAccessKey><SessionToken>token</SessionToken>" +
                        "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:shodo</AssumedRoleId>" +
                        "<Arn>arn:aws:sts::111122223333:assumed-role/Responder/shodo</Arn></AssumedRoleUser></AssumeRoleResult>" +
                        "<ResponseMetadata><RequestId>a</RequestId></ResponseMetadata></AssumeRoleResponse>")
            : r.Action == "GetCallerIdentity"
                ? Reply.Xml("<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::111122223333:assumed-role/Responder/shodo</Arn>" +
                            "<UserId>AROA:shodo</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")
                : Reply.QueryResult(r.Action, "<SummaryMap/>"));
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(TestConnections.AccessKeyId, "s"),
            Region = "us-east-1", EndpointUrl = server.Url, Retry = TestConnections.QuickRetry,
            RoleArn = "arn:aws:iam::111122223333:role/Responder",
        });

        await aws.Iam().SendAsync(new Shodo.Aws.Iam.Calls.GetAccountSummary());
        var me = await aws.WhoAmIAsync();

        var requests = server.Requests.ToArray();
        Assert.Equal("AssumeRole", requests[0].Field("Action"));
        Assert.Equal("arn:aws:iam::111122223333:role/Responder", requests[0].Field("RoleArn"));
        Assert.StartsWith(TestConnections.AccessKeyId, requests[0].CredentialScope);
        Assert.StartsWith("ASIAROLEEXAMPLE/", requests[1].CredentialScope);
        Assert.Equal("token", requests[1].Header("X-Amz-Security-Token"));
        Assert.StartsWith("ASIAROLEEXAMPLE/", requests[2].CredentialScope);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/Responder/shodo", me.Arn);
        Assert.StartsWith("role arn:aws:iam::111122223333:role/Responder", aws.CredentialDescription);
    }
}
