using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Safety;
using Shodo.Containment;
using Shodo.Containment.Actions;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Range;
using Shodo.Range.State.Organizations;

namespace Shodo.Tests.Containment;

/// <summary>
/// deny-by-scp against the range playing org-pivot (issue 21, item 3): from the management account, Shodo's SCP on a
/// member account the attacker reached refuses the attacker's backdoor user and its session of OrganizationAccountAccessRole
/// there, while a session of the same role assumed after the change and the management account still act; a second run
/// changes nothing; rollback makes the policy deny nothing (no Detach, no Delete sent).
/// </summary>
public sealed class DenyByScpTests
{
    private const string CaseId = "20261207-0100-org";
    private static readonly string Member2 = RangeOrganization.MemberId("111122223333", 2);
    private static readonly string Role = $"arn:aws:iam::{Member2}:role/{RangeOrganization.AccessRoleName}";

    private static AWSCredentials Creds(RangeCredentials c) =>
        c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    private static Task<AwsConnection> ConnectAsync(RangeHost range, RangeCredentials c) =>
        AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = Creds(c), Region = "us-east-1", EndpointUrl = range.Url,
            Retry = new Shodo.Aws.Resilience.AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) }, RefusalSink = NoRefusalSink.Instance,
        });

    private static async Task<RangeCredentials> AssumeAsync(RangeHost range, RangeCredentials who, string session)
    {
        using var sts = new AmazonSecurityTokenServiceClient(Creds(who),
            new AmazonSecurityTokenServiceConfig { ServiceURL = range.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var c = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Role, RoleSessionName = session })).Credentials;
        return new RangeCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    /// <summary>Whether IAM ListUsers in the member succeeds for these credentials (null), or the error code it is refused with.</summary>
    private static async Task<string?> ListUsersAsync(RangeHost range, RangeCredentials who)
    {
        using var aws = await ConnectAsync(range, who);
        try
        {
            await aws.Iam().ListAllAsync(new ListUsers());
            return null;
        }
        catch (AwsServiceError e) { return e.Code; }
    }

    [Fact]
    public async Task The_attacker_s_user_and_role_session_in_a_member_are_refused_and_rollback_lets_them_act_again()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        var backdoor = range.Scenario!.Credentials["backdoorMember2"];
        var attackerSession = await AssumeAsync(range, range.Leaked!, "aws-go-sdk-1735");
        Assert.Null(await ListUsersAsync(range, attackerSession));
        Assert.Null(await ListUsersAsync(range, backdoor));

        var action = ActionRegistry.Get("deny-by-scp");
        var target = new ContainmentTarget(TargetKinds.OrganizationAccount, Member2, null);
        var parameters = action.PlanFor(new PlanningTarget(target, new JsonObject
        {
            ["exists"] = true, ["attackerUsers"] = new JsonArray((JsonNode)$"arn:aws:iam::{Member2}:user/svc-cloudsync"),
            ["attackerRoles"] = new JsonArray((JsonNode)Role),
        }, false, CaseId))!;
        var planned = new PlannedAction
        {
            Id = $"deny-by-scp/{target.Key}", Action = action.Name, Target = target, Reason = "reached by the attacker",
            ExpectedAfter = "", Reversible = true, Reverse = action.HowToReverse, Authority = AuthorityLevel.Approver,
            Phase = 1, Step = 0, Parameters = parameters,
        };
        using var responder = await ConnectAsync(range, range.Responder);
        var sent = new List<string>();
        var context = new ContainmentContext(responder, CaseId, TimeProvider.System, (_, op, _) =>
        {
            sent.Add(op.Name);
            return Task.CompletedTask;
        });

        var before = await action.ReadAsync(context, planned, default);
        Assert.Equal(["p-FullAWSAccess"], before["attached"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.False(action.Holds(planned, before));
        await action.ChangeAsync(context, planned, before, default);
        var after = await action.ReadAsync(context, planned, default);
        Assert.True(action.Holds(planned, after));
        Assert.Equal(["CreatePolicy", "AttachPolicy"], sent);

        Assert.Equal("AccessDenied", await ListUsersAsync(range, attackerSession));
        Assert.Equal("AccessDenied", await ListUsersAsync(range, backdoor));
        range.State.Clock.Advance(TimeSpan.FromSeconds(2)); // a session assumed after the change's (whole-second) cut-off
        Assert.Null(await ListUsersAsync(range, await AssumeAsync(range, range.Responder, "ir")));
        Assert.Null(await ListUsersAsync(range, range.Responder));

        // Idempotent: once it holds, a new run (a crash after the attach, a resume) sends nothing.
        var again = await action.ReadAsync(context, planned, default);
        Assert.True(action.Holds(planned, again));
        sent.Clear();
        await action.ChangeAsync(context, planned, again, default);
        Assert.Empty(sent);

        await action.RollbackAsync(context, planned, before, after, default);
        Assert.Equal(["UpdatePolicy"], sent);
        Assert.True(action.RolledBack(planned, before, await action.ReadAsync(context, planned, default)));
        Assert.Null(await ListUsersAsync(range, attackerSession));
        Assert.Null(await ListUsersAsync(range, backdoor));
        lock (range.State.Sync)
            Assert.DoesNotContain(range.Organization!.Accounts.SelectMany(a => a.State.Calls),
                c => c.Caller?.AccessKeyId == range.Responder.AccessKeyId && (c.EventName.StartsWith("Detach", StringComparison.Ordinal) || c.EventName.StartsWith("Delete", StringComparison.Ordinal)));
    }
}
