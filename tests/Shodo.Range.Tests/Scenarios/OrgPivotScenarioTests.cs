using System.Text.Json;
using Shodo.Range.State;
using Shodo.Range.State.Organizations;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Scenarios;

public sealed class OrgPivotFixture : RangeFixture
{
    protected override RangeOptions Options => new() { Port = 0, Scenario = "org-pivot" };
}

/// <summary>
/// <c>org-pivot</c>: a leaked management-account key, the attacker in two of five member accounts through
/// OrganizationAccountAccessRole, a legitimate workload in a third. The ground truth names each account reached, how, and
/// what the attacker made there; what it names exists in that account and nowhere else, and the untouched accounts
/// and the legitimate workload hold nothing of the attacker's.
/// </summary>
public sealed class OrgPivotScenarioTests(OrgPivotFixture fixture) : IClassFixture<OrgPivotFixture>
{
    private const string Management = "111122223333";
    private static string Member(int i) => RangeOrganization.MemberId(Management, i);

    private RangeState StateOf(string accountId) => fixture.Range.Organization!.Account(accountId)!.State;

    [Fact]
    public void The_ground_truth_names_the_two_accounts_reached_by_their_role_and_what_the_attacker_made_in_each()
    {
        var truth = fixture.Range.GroundTruth!;
        Assert.Equal(6, fixture.Range.Organization!.Accounts.Count);
        Assert.Equal("platform-admin", truth.LeakedUserName);
        Assert.Empty(truth.Users);
        Assert.Equal(truth.Accounts.SelectMany(a => a.Found.SessionAccessKeyIds), truth.SessionAccessKeyIds);
        Assert.Empty(truth.Instances);
        Assert.Equal([Member(2), Member(4)], truth.Accounts.Select(a => a.AccountId));
        Assert.All(truth.Accounts, a => Assert.Equal($"arn:aws:iam::{a.AccountId}:role/OrganizationAccountAccessRole", a.ReachedBy));
        Assert.Contains(truth.Events, e => e.EventName == "AssumeRole");

        var (member2, member4) = (truth.Accounts[0].Found, truth.Accounts[1].Found);
        Assert.Equal(["svc-cloudsync"], member2.Users);
        Assert.Equal(["aws-health-monitor"], member4.Users);
        Assert.Equal(3, member2.Instances.Count);
        Assert.Equal(4, member4.Instances.Count);
        Assert.Null(member2.LeakedAccessKeyId);
        foreach (var account in truth.Accounts)
        {
            var state = StateOf(account.AccountId);
            lock (state.Sync)
            {
                Assert.All(account.Found.Users, u => Assert.NotNull(state.Iam.User(u)));
                Assert.All(account.Found.Instances, i => Assert.Contains(state.Ec2Regions, r => r.FindInstance(i.InstanceId) is not null));
                Assert.All(account.Found.SessionAccessKeyIds, k => Assert.True(state.Iam.Sessions.ContainsKey(k)));
            }
            Assert.NotEmpty(account.Found.Events);
            Assert.All(account.Found.Events, e => Assert.NotEqual("AssumeRole", e.EventName));
        }
        lock (fixture.Range.State.Sync)
            Assert.DoesNotContain(fixture.Range.State.Ec2Regions, r => r.Instances.Any());
    }

    [Fact]
    public void The_legitimate_workload_and_the_untouched_accounts_hold_nothing_of_the_attacker_s()
    {
        var batch = StateOf(Member(3));
        lock (batch.Sync)
        {
            Assert.NotNull(batch.Iam.User("batch-runner"));
            Assert.Equal(2, batch.Ec2Regions.Sum(r => r.Instances.Count));
        }
        foreach (var untouched in new[] { Member(1), Member(5) })
        {
            var state = StateOf(untouched);
            lock (state.Sync)
            {
                Assert.Empty(state.Iam.Users);
                Assert.DoesNotContain(state.Ec2Regions, r => r.Instances.Any());
            }
        }
    }

    [Fact]
    public async Task The_attacker_s_member_key_and_the_events_are_seen_from_the_AWS_CLI_in_the_member_account()
    {
        var backdoor = fixture.Range.Scenario!.Credentials["backdoorMember2"];
        var identity = await fixture.Cli.As(backdoor).OkAsync("sts", "get-caller-identity");
        Assert.Equal($"arn:aws:iam::{Member(2)}:user/svc-cloudsync", identity.GetProperty("Arn").GetString());

        var member = fixture.Cli.As((await fixture.Cli.OkAsync("sts", "assume-role", "--role-arn",
            $"arn:aws:iam::{Member(2)}:role/OrganizationAccountAccessRole", "--role-session-name", "ir")).AsCredentials());
        var events = await member.OkAsync("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventName,AttributeValue=CreateUser");
        var created = JsonDocument.Parse(Assert.Single(events.GetProperty("Events").EnumerateArray()).GetProperty("CloudTrailEvent").GetString()!).RootElement;
        Assert.Equal($"arn:aws:sts::{Member(2)}:assumed-role/OrganizationAccountAccessRole/aws-go-sdk-1733",
            created.GetProperty("userIdentity").GetProperty("arn").GetString());
        Assert.Equal("185.220.101.47", created.GetProperty("sourceIPAddress").GetString());
    }

    [Fact]
    public async Task The_ground_truth_served_on_the_admin_route_carries_the_accounts()
    {
        using var http = new HttpClient { BaseAddress = fixture.Range.Url };
        using var json = JsonDocument.Parse(await http.GetStringAsync("_range/ground-truth"));
        var accounts = json.RootElement.GetProperty("accounts");
        Assert.Equal(2, accounts.GetArrayLength());
        Assert.Equal(Member(2), accounts[0].GetProperty("accountId").GetString());
        Assert.Equal(3, accounts[0].GetProperty("found").GetProperty("instances").GetArrayLength());
    }
}
