using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Iam;
using Shodo.Investigation.Identities;
using Shodo.Range;
using Shodo.Range.State.Iam;
using Shodo.Tests.Aws;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// Is the key a response is asked to start from a key of this account? Against the range playing the
/// leaked-key scenario, with the responder's credentials: a current key names its user; a deleted or
/// temporary key is found by the calls CloudTrail saw; a mistyped key is not found (a typo near the end
/// keeps the account encoded in the id) or names another account (a typo near the start); a key of
/// another account says so; when CloudTrail cannot be read the answer is "unknown", never "not found".
/// </summary>
public sealed class LeakedKeyCheckTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private AwsConnection _aws = null!;

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        _aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
        });
    }

    public async Task DisposeAsync()
    {
        _aws.Dispose();
        await _range.DisposeAsync();
    }

    private string Account => _range.State.AccountId;
    private string Leaked => _range.GroundTruth!.LeakedAccessKeyId!;
    private Task<LeakedKeyCheckResult> Check(string key) => new LeakedKeyCheck(_aws).CheckAsync(key, Account, CancellationToken.None);

    [Fact]
    public async Task A_current_key_names_its_user()
    {
        var result = await Check(Leaked);
        Assert.Equal((LeakedKeyVerdict.Found, "dev-tanaka", Account), (result.Verdict, result.UserName, result.Account));
    }

    [Fact]
    public async Task A_key_its_owner_already_deleted_is_found_by_the_calls_cloudtrail_saw()
    {
        lock (_range.State.Sync) _range.State.Iam.AccessKeys.Remove(Leaked);
        var result = await Check(Leaked);
        Assert.Equal(LeakedKeyVerdict.Found, result.Verdict);
        Assert.Null(result.UserName);
        Assert.NotNull(result.SeenInRegion);
    }

    [Fact]
    public async Task A_temporary_key_the_attacker_used_is_found_in_cloudtrail()
    {
        var session = _range.GroundTruth!.SessionAccessKeyIds[0];
        Assert.True(AccessKeyIdFormat.IsTemporary(session));
        var result = await Check(session);
        Assert.Equal(LeakedKeyVerdict.Found, result.Verdict);
        Assert.NotNull(result.SeenInRegion);
    }

    [Fact]
    public async Task A_typo_in_the_last_character_is_not_found_in_this_account_after_every_source_answered()
    {
        var typo = Leaked[..^1] + (Leaked[^1] == 'A' ? 'B' : 'A');
        var result = await Check(typo);
        Assert.Equal(LeakedKeyVerdict.NotFound, result.Verdict);
        Assert.Equal(Account, result.Account); // the account encoded in the id is unchanged
        Assert.Equal(_range.State.Regions.Enabled.Count, result.RegionsSearched);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task A_typo_in_the_first_character_names_another_account()
    {
        var typo = "AKIA" + (Leaked[4] == 'A' ? 'B' : 'A') + Leaked[5..];
        var result = await Check(typo);
        Assert.Equal(LeakedKeyVerdict.OtherAccount, result.Verdict);
        Assert.NotEqual(Account, result.Account);
    }

    [Fact]
    public async Task A_temporary_key_of_another_account_names_that_account()
    {
        var result = await Check(IamIds.TemporaryAccessKeyId("999988887777"));
        Assert.Equal((LeakedKeyVerdict.OtherAccount, "999988887777"), (result.Verdict, result.Account));
    }

    [Fact]
    public async Task When_cloudtrail_cannot_be_read_an_unseen_key_is_unknown_not_absent()
    {
        lock (_range.State.Sync)
            _range.State.Iam.Users[RangeHost.ResponderUserName].InlinePolicies["no-trail"] =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"cloudtrail:LookupEvents","Resource":"*"}]}""";
        var result = await Check(IamIds.TemporaryAccessKeyId(Account));
        Assert.Equal(LeakedKeyVerdict.Unknown, result.Verdict);
        Assert.Contains(result.Problems, p => p.Contains("AccessDenied", StringComparison.Ordinal));
    }
}
