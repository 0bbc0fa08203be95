using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Containment.Record;
using Shodo.Diagnostics;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Organizations;
using Shodo.Response.Accounts;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response.Accounts;

/// <summary>
/// The role Shodo entered a member by, cut for sessions issued before Shodo's own (issue 21), through the library as the
/// member's response plans and applies it, on org-pivot's member-2: without the authority to deny it, the deny waits for
/// approval like any deny (the attacker's session still acts); approved, the attacker's session is refused and Shodo's own
/// acts; a plan whose cut-off is after Shodo's own session is refused at apply.
/// </summary>
public sealed class EntryRoleCutTests
{
    private static readonly string Member2 = RangeOrganization.MemberId("111122223333", 2);
    private static readonly string RoleArn = $"arn:aws:iam::{Member2}:role/{RangeOrganization.AccessRoleName}";

    private static AWSCredentials Creds(RangeCredentials c) =>
        c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    private static async Task<string?> ListUsersAsync(RangeHost range, AWSCredentials who)
    {
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = who, Region = "us-east-1", EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance,
        });
        try
        {
            await aws.Iam().ListAllAsync(new ListUsers());
            return null;
        }
        catch (AwsServiceError e) { return e.Code; }
    }

    [Fact]
    public async Task Without_the_authority_the_entry_roles_deny_waits_and_approved_it_refuses_the_attackers_session_not_shodos()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        using var cases = new TempFolder();
        // The attacker's session of member-2's role, live, minted a minute before Shodo enters.
        RangeCredentials attacker;
        using (var sts = new AmazonSecurityTokenServiceClient(Creds(range.Leaked!),
                   new AmazonSecurityTokenServiceConfig { ServiceURL = range.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 }))
        {
            var c = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "aws-go-sdk-live" })).Credentials;
            attacker = new RangeCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
        }
        lock (range.State.Sync)
        {
            var s = range.State.Organization!.Account(Member2)!.State.Iam.Sessions[attacker.AccessKeyId];
            s.IssuedAt = s.IssuedAt.AddMinutes(-1);
        }
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey), Region = "us-east-1",
            EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance, RoleArn = RoleArn,
            Assume = new RoleAssumption { SessionName = "shodo-entry-cut", Duration = MemberAccountResponse.SessionDuration },
        });
        Assert.NotNull(aws.SessionIssuedAt);
        using var @case = Case.Open(cases.Path, new CaseOptions { AccountId = Member2 });
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, "shodo-identities/1", "identities", new List<AttackerIdentity>
        {
            new()
            {
                Id = $"session-key:{attacker.AccessKeyId}", Kind = IdentityKind.SessionKey, Name = attacker.AccessKeyId, AccessKeyId = attacker.AccessKeyId,
                Owner = RangeOrganization.AccessRoleName, Arn = $"arn:aws:sts::{Member2}:assumed-role/{RangeOrganization.AccessRoleName}/aws-go-sdk-live",
                Confidence = Confidence.Confirmed, Reason = "The attacker's session of the role.",
            },
        });
        var input = ResponderRoleSessions.CutBefore(PlanningInput.FromCase(@case.Folder), RangeOrganization.AccessRoleName, aws.SessionIssuedAt);
        var noDeny = new AuthorityPolicy(new HashSet<string>(), null);
        var (plan, sha) = await new Planner(aws, @case, noDeny, TimeProvider.System).WriteAsync(default, input);
        var deny = Assert.Single(plan.Actions, a => a.Target.Kind == TargetKinds.Role);
        Assert.Equal(AuthorityLevel.Approver, deny.Authority);
        Assert.Equal(aws.SessionIssuedAt, ResponderSessionCut.Of(deny));
        var shodo = await aws.Credentials.GetCredentialsAsync();
        var shodoCreds = new SessionAWSCredentials(shodo.AccessKey, shodo.SecretKey, shodo.Token);

        // A cut-off after Shodo's own session would deny Shodo itself: apply refuses that plan.
        var later = plan with { Actions = [.. plan.Actions.Select(a => a.Id != deny.Id ? a : a with
        {
            Parameters = new System.Text.Json.Nodes.JsonObject { [ResponderSessionCut.Parameter] = ResponderSessionCut.Format(aws.SessionIssuedAt!.Value.AddSeconds(1)) },
        })] };
        var refused = await Assert.ThrowsAsync<ShodoException>(() => new ContainmentApply(aws, new ContainmentRecorder(@case, ContainmentLedger.Read(@case)),
            later, sha, TimeProvider.System, new ApplyOptions()).RunAsync(default));
        Assert.Equal(ExitCode.Refused, refused.Diagnostic.Code);

        var waiting = await new ContainmentApply(aws, new ContainmentRecorder(@case, ContainmentLedger.Read(@case)), plan, sha, TimeProvider.System,
            new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) }).RunAsync(default);
        Assert.Equal(Outcomes.PendingApproval, waiting.Actions.Single(a => a.ActionId == deny.Id).Outcome);
        Assert.Null(await ListUsersAsync(range, Creds(attacker)));

        var recorder = new ContainmentRecorder(@case, ContainmentLedger.Read(@case));
        await Approval.RecordAsync(recorder, plan, sha, sha, "ciso", null, noDeny, default);
        var applied = await new ContainmentApply(aws, recorder, plan, sha, TimeProvider.System,
            new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) }).RunAsync(default);
        Assert.Equal(Outcomes.Done, applied.Actions.Single(a => a.ActionId == deny.Id).Outcome);
        Assert.Equal("AccessDenied", await ListUsersAsync(range, Creds(attacker)));
        Assert.Null(await ListUsersAsync(range, shodoCreds));
        Assert.True(applied.Verification?.Contained, string.Join("; ", applied.Verification?.Remaining.Select(r => r.Reason) ?? []));
    }

    [Fact]
    public async Task Applied_with_credentials_shodo_did_not_assume_itself_the_entry_role_cut_is_refused_saying_to_pass_role_arn()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        using var cases = new TempFolder();
        var connection = new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey), Region = "us-east-1",
            EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance, RoleArn = RoleArn,
            Assume = new RoleAssumption { SessionName = "shodo-entry-cut", Duration = MemberAccountResponse.SessionDuration },
        };
        using var shodo = await AwsConnection.OpenAsync(connection);
        using var @case = Case.Open(cases.Path, new CaseOptions { AccountId = Member2 });
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, "shodo-identities/1", "identities", new List<AttackerIdentity>
        {
            new()
            {
                Id = "session-key:ASIAATTACKERSESSION1", Kind = IdentityKind.SessionKey, Name = "ASIAATTACKERSESSION1", AccessKeyId = "ASIAATTACKERSESSION1",
                Owner = RangeOrganization.AccessRoleName, Arn = $"arn:aws:sts::{Member2}:assumed-role/{RangeOrganization.AccessRoleName}/aws-go-sdk-live",
                Confidence = Confidence.Confirmed, Reason = "The attacker's session of the role.",
            },
        });
        var input = ResponderRoleSessions.CutBefore(PlanningInput.FromCase(@case.Folder), RangeOrganization.AccessRoleName, shodo.SessionIssuedAt);
        var (plan, sha) = await new Planner(shodo, @case, AuthorityPolicy.Default, TimeProvider.System).WriteAsync(default, input);
        Assert.Single(plan.Actions, a => a.Target.Kind == TargetKinds.Role && ResponderSessionCut.Of(a) is not null);

        // `shodo apply` on the member's sub-case with a session of the same role Shodo did not assume itself (a profile's
        // role_arn, or keys exported from 'aws sts assume-role'): when AWS issued it is not known, so the cut could be Shodo's own.
        var own = await shodo.Credentials.GetCredentialsAsync();
        using var exported = await AwsConnection.OpenAsync(connection with
        {
            Credentials = new SessionAWSCredentials(own.AccessKey, own.SecretKey, own.Token), RoleArn = null, Assume = new RoleAssumption(),
        });
        Assert.Null(exported.SessionIssuedAt);
        var refused = await Assert.ThrowsAsync<ShodoException>(() => new ContainmentApply(exported, new ContainmentRecorder(@case, ContainmentLedger.Read(@case)),
            plan, sha, TimeProvider.System, new ApplyOptions()).RunAsync(default));
        Assert.Equal(ExitCode.Usage, refused.Diagnostic.Code);
        Assert.Equal(Shodo.Localization.Messages.Get("ContainEntryCutNeedsOwnSession", RangeOrganization.AccessRoleName,
            ResponderSessionCut.Format(shodo.SessionIssuedAt!.Value), RoleArn), refused.Diagnostic.Summary);
        // Nothing was changed, nor journaled as begun.
        Assert.Null(ContainmentLedger.Read(@case).Before(plan.Actions.Single(a => a.Target.Kind == TargetKinds.Role).Id));
        lock (range.State.Sync)
            Assert.DoesNotContain(range.State.Organization!.Account(Member2)!.State.Calls, c => c.EventName == "PutRolePolicy");
    }
}
