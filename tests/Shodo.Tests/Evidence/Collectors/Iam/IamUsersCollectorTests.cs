using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.Iam;
using Shodo.Evidence.Snapshot;
using Shodo.Range;
using Shodo.Range.Services.Iam;
using Shodo.Range.State.Iam;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence.Collectors.Iam;

/// <summary>
/// The users of an account read with the credential report of the same collection: per user, only what the report does
/// not answer is asked (ListAccessKeys where the report shows keys, GetLoginProfile where it shows a password,
/// ListMFADevices where it shows MFA, GetAccessKeyLastUsed for a key it does not name), counted by the range; the snapshot
/// still holds every user, key and login profile. Without a report of this collection every user is read in full.
/// </summary>
public sealed class IamUsersCollectorTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>40 staff: 12 with a key only, 6 with a password, 6 with a password and MFA, 4 with two keys, 12 with nothing.</summary>
    private void SeedStaff()
    {
        var state = _range.State;
        lock (state.Sync)
            for (var n = 0; n < 40; n++)
            {
                var user = state.AddUser($"staff-{n:D2}");
                if (n < 12) state.AddAccessKey(user.UserName);
                else if (n < 24) user.LoginProfile = new LoginProfile { CreateDate = state.Clock.Now };
                if (n is >= 18 and < 24) user.MfaDevices.Add(new MfaDevice($"arn:aws:iam::{state.AccountId}:mfa/{user.UserName}", state.Clock.Now));
                if (n is >= 24 and < 28)
                {
                    state.AddAccessKey(user.UserName).CreateDate = state.Clock.Now.AddDays(-3);
                    state.AddAccessKey(user.UserName);
                }
            }
    }

    /// <summary>The report IAM holds, generated <paramref name="ago"/> before now (whole seconds, as IAM's dates).</summary>
    private void GenerateReport(TimeSpan ago)
    {
        lock (_range.State.Sync)
        {
            var iam = _range.State.Iam;
            var now = _range.State.Clock.Now;
            var generated = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero) - ago;
            iam.CredentialReportGeneratedAt = generated;
            iam.CredentialReportReadyAt = generated;
            iam.CredentialReport = CredentialReportCsv.Build(_range.State.AccountId, iam, generated);
        }
    }

    private async Task<(CollectionResult Result, AccountSnapshot Snapshot)> CollectAsync()
    {
        using var @case = Case.Open(_root, new CaseOptions { AccountId = _range.State.AccountId, Title = "iam users" });
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            RefusalSink = new JournalRefusalSink(@case.Journal),
        });
        var result = await new CollectionRunner(aws, @case, new CollectionOptions
        {
            Regions = ["us-east-1"], Collectors = [new IamCredentialReportCollector(), new IamUsersCollector()],
        }).RunAsync();
        return (result, await AccountSnapshot.BuildAsync(@case, CancellationToken.None));
    }

    private int Calls(string operation)
    {
        lock (_range.State.Sync) return _range.State.Calls.Count(c => c.EventName == operation);
    }

    private (int Users, int WithKeys, int Keys, int WithPassword, int WithMfa) Account()
    {
        lock (_range.State.Sync)
        {
            var iam = _range.State.Iam;
            var users = iam.Users.Values.ToList();
            return (users.Count, users.Count(u => iam.KeysOf(u.UserName).Any()), iam.AccessKeys.Values.Count(k => k.UserName is not null),
                users.Count(u => u.LoginProfile is not null), users.Count(u => u.MfaDevices.Count > 0));
        }
    }

    private void AssertSnapshotHoldsEveryUserKeyAndPassword(AccountSnapshot snapshot)
    {
        lock (_range.State.Sync)
        {
            var iam = _range.State.Iam;
            Assert.Equal(iam.Users.Keys.Order(StringComparer.Ordinal), snapshot.Users.Select(u => u.UserName).Order(StringComparer.Ordinal));
            foreach (var key in iam.AccessKeys.Values.Where(k => k.UserName is not null))
                Assert.Contains(snapshot.AccessKeys, k => k.AccessKeyId == key.AccessKeyId && k.UserName == key.UserName && k.Status == key.Status);
            Assert.Equal(iam.Users.Values.Where(u => u.LoginProfile is not null).Select(u => u.UserName).Order(StringComparer.Ordinal),
                snapshot.LoginProfiles.Select(p => p.UserName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_report_of_this_collection_spares_every_per_user_read_it_answers_and_the_snapshot_loses_nothing()
    {
        SeedStaff();
        GenerateReport(TimeSpan.Zero);
        var before = Account();
        lock (_range.State.Sync)
        {
            // Created after the report: no line of its own, so it is read in full.
            var late = _range.State.AddUser("late-admin");
            _range.State.AddAccessKey(late.UserName);
            late.LoginProfile = new LoginProfile { CreateDate = _range.State.Clock.Now };
        }

        var (result, snapshot) = await CollectAsync();

        Assert.Empty(result.Gaps);
        Assert.Equal(1, Calls("GetCredentialReport"));
        Assert.Equal(before.WithKeys + 1, Calls("ListAccessKeys"));
        Assert.Equal(before.WithPassword + 1, Calls("GetLoginProfile"));
        Assert.Equal(before.WithMfa + 1, Calls("ListMFADevices"));
        Assert.Equal(1, Calls("GetAccessKeyLastUsed")); // the late user's key: every other key's last use is on its line
        var perUser = Calls("ListAccessKeys") + Calls("GetLoginProfile") + Calls("ListMFADevices") + Calls("GetAccessKeyLastUsed");
        var inFull = 3 * (before.Users + 1) + before.Keys + 1;
        Assert.True(3 * perUser < inFull, $"{perUser} per-user reads, {inFull} without the report");
        AssertSnapshotHoldsEveryUserKeyAndPassword(snapshot);
    }

    [Fact]
    public async Task Without_a_report_of_this_collection_every_user_is_read_in_full()
    {
        SeedStaff();
        GenerateReport(TimeSpan.FromHours(2)); // IAM keeps it for 4 hours: stale, a gap, and no stand-in for anything
        var account = Account();

        var (result, snapshot) = await CollectAsync();

        Assert.Equal(IamCredentialReportCollector.StaleCode, Assert.Single(result.Gaps).Code);
        Assert.Equal(account.Users, Calls("ListAccessKeys"));
        Assert.Equal(account.Users, Calls("GetLoginProfile"));
        Assert.Equal(account.Users, Calls("ListMFADevices"));
        Assert.Equal(account.Keys, Calls("GetAccessKeyLastUsed"));
        AssertSnapshotHoldsEveryUserKeyAndPassword(snapshot);
    }
}
