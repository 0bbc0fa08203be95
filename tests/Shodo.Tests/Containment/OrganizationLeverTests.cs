using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Containment;
using Shodo.Containment.Actions;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Containment.Record;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;
using Shodo.Tests.Response;

namespace Shodo.Tests.Containment;

/// <summary>
/// The organisation lever planned (issue 21): a response from org-pivot's management account turns each member account the
/// attacker reached into an organizations-account target whose state names the roles it assumed there, and deny-by-scp
/// (granted by the authority policy) refuses the attacker's session in that member; the member the platform team works in
/// through the same role gets no SCP and its workload still acts; rollback leaves Shodo's SCPs denying nothing, attached.
/// </summary>
public sealed class OrganizationLeverTests
{
    private const string Management = "111122223333";
    private static readonly string Member2 = RangeOrganization.MemberId(Management, 2);
    private static readonly string Member3 = RangeOrganization.MemberId(Management, 3);
    private static readonly string Member4 = RangeOrganization.MemberId(Management, 4);

    private static string Role(string account) => $"arn:aws:iam::{account}:role/{RangeOrganization.AccessRoleName}";

    private static AWSCredentials Creds(RangeCredentials c) =>
        c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    private static async Task<RangeCredentials> AssumeAsync(RangeHost range, RangeCredentials who, string account, string session)
    {
        using var sts = new AmazonSecurityTokenServiceClient(Creds(who),
            new AmazonSecurityTokenServiceConfig { ServiceURL = range.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var c = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Role(account), RoleSessionName = session })).Credentials;
        return new RangeCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    /// <summary>Null when IAM ListUsers succeeds for these credentials, else the error code it is refused with.</summary>
    private static async Task<string?> ListUsersAsync(RangeHost range, RangeCredentials who)
    {
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = Creds(who), Region = "us-east-1", EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance,
        });
        try
        {
            await aws.Iam().ListAllAsync(new ListUsers());
            return null;
        }
        catch (AwsServiceError e) { return e.Code; }
    }

    private static ShodoConfiguration Granting(string action) => ShodoConfiguration.Parse("shodo.yaml",
        $"authority:\n  responder: [{string.Join(", ", AuthorityPolicy.DefaultResponder.Append(action).Order(StringComparer.Ordinal))}]\n");

    [Fact]
    public async Task A_response_from_the_management_account_denies_the_attacker_s_sessions_in_the_members_it_reached_and_no_other()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        using var cases = new TempFolder();
        // The attacker still holds a session of OrganizationAccountAccessRole in member-2, minted with the leaked key; the platform
        // team's batch workload in member-3 runs on a session of the same role, minted with its own key.
        var attacker = await AssumeAsync(range, range.Leaked!, Member2, "aws-go-sdk-1735");
        var workload = await AssumeAsync(range, range.Scenario!.Credentials["sato-key"], Member3, "sato");
        Assert.Null(await ListUsersAsync(range, attacker));
        // The management account has a role of the same name, which the attacker never used: a session in a member is not it.
        lock (range.State.Sync)
            range.State.Iam.Roles[RangeOrganization.AccessRoleName] = new Shodo.Range.State.Iam.IamRole
            {
                RoleName = RangeOrganization.AccessRoleName, RoleId = "AROAMANAGEMENTSAMENAME", Arn = Role(Management),
                AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[]}""",
            };

        var options = RangeResponseOptions.For(range, cases.Path,
            new ResponseRequest { AccessKeyId = range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true }, Granting("deny-by-scp"));
        var result = await FirstResponse.RunAsync(options, TimeProvider.System, new RecordingProgress(), CancellationToken.None);

        var @case = Case.Load(result.CaseDirectory);
        var (plan, sha) = PlanFile.Read(@case);
        var levers = plan.Actions.Where(a => a.Action == "deny-by-scp").OrderBy(a => a.Target.Id, StringComparer.Ordinal).ToList();
        Assert.Equal([Member2, Member4], levers.Select(a => a.Target.Id));
        Assert.All(levers, a =>
        {
            Assert.Equal(TargetKinds.OrganizationAccount, a.Target.Kind);
            Assert.Contains(Role(a.Target.Id), a.Parameters["roles"]!.AsArray().Select(r => (string?)r));
        });
        Assert.DoesNotContain(plan.Actions, a => a.Target.Kind == TargetKinds.Role);
        var ledger = ContainmentLedger.Read(@case);
        foreach (var lever in levers)
        {
            Assert.Equal(Outcomes.Done, ledger.LastOutcome(lever.Id));
            // The before-state journaled first is the account's attached SCPs: AWS's FullAWSAccess only.
            Assert.Equal(["p-FullAWSAccess"], ledger.Before(lever.Id)!["attached"]!.AsArray().Select(p => (string?)p!["id"]));
        }

        Assert.Equal("AccessDenied", await ListUsersAsync(range, attacker));
        Assert.Null(await ListUsersAsync(range, workload));
        lock (range.State.Sync)
        {
            var org = range.Organization!;
            foreach (var untouched in org.Accounts.Select(a => a.Id).Except([Member2, Member4]))
                Assert.Equal([ServiceControlPolicy.FullAwsAccessId], org.Attachments.GetValueOrDefault(untouched) ?? []);
        }

        var recorder = new ContainmentRecorder(@case, ledger);
        using var aws = await AwsConnection.OpenAsync(options.Connection);
        var rollback = new ContainmentRollback(aws, recorder, plan, sha, TimeProvider.System, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
        foreach (var lever in levers)
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", lever.Id, default)).Outcome);
        lock (range.State.Sync)
        {
            var org = range.Organization!;
            foreach (var member in new[] { Member2, Member4 })
            {
                var ours = org.Policies[org.Attachments[member].Single(id => id != ServiceControlPolicy.FullAwsAccessId)];
                Assert.Equal(DenyByScp.PolicyName(result.CaseId, member), ours.Name);
                Assert.Equal(JsonNode.Parse(DenyPolicyDocument.RolledBack())!.ToJsonString(), JsonNode.Parse(ours.Content)!.ToJsonString());
            }
            Assert.DoesNotContain(org.Accounts.SelectMany(a => a.State.Calls), c => c.Caller?.AccessKeyId == range.Responder.AccessKeyId
                && (c.EventName.StartsWith("Detach", StringComparison.Ordinal) || c.EventName.StartsWith("Delete", StringComparison.Ordinal)));
        }
        Assert.Null(await ListUsersAsync(range, attacker));
    }

    [Fact]
    public void The_principals_of_an_account_are_the_roles_assumed_into_it_and_the_attacker_s_users_and_sessions_there()
    {
        var pivot = new AccountPivot(Role(Member2), "s", "AKIA", "arn:aws:iam::111122223333:user/platform-admin", "ASIAPIVOT",
            DateTimeOffset.UnixEpoch, "185.220.101.47", "e1");
        AttackerIdentity Identity(string id, string arn) => new()
        {
            Id = id, Kind = IdentityKind.User, Name = id, Arn = arn, Confidence = Confidence.Confirmed, Reason = "r",
        };
        var reached = OrganizationLever.Reached([new AccountReached(Member2, [pivot])],
        [
            Identity("user:svc-cloudsync", $"arn:aws:iam::{Member2}:user/svc-cloudsync"),
            Identity("session-key:ASIAX", $"arn:aws:sts::{Member4}:assumed-role/Deploy/x"),
            Identity("user:platform-admin", "arn:aws:iam::111122223333:user/platform-admin"),
            Identity("root", $"arn:aws:iam::{Member4}:root"),
        ], Management);

        Assert.Equal([Member2, Member4], reached.Select(r => r.Account.AccountId));
        Assert.Equal([Role(Member2), $"arn:aws:iam::{Member2}:user/svc-cloudsync"], reached[0].Principals.Arns);
        Assert.Equal(["session-key:ASIAPIVOT", "user:svc-cloudsync"], reached[0].Principals.Identities);
        Assert.Equal([$"arn:aws:iam::{Member4}:role/Deploy"], reached[1].Principals.Arns);
    }
}
