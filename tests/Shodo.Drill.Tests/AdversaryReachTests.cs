using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Range.State;
using Shodo.Range.State.Iam;

namespace Shodo.Drill.Tests;

/// <summary>
/// Which of the adversary's successes after containment count against the response (<see cref="AdversaryReach"/>): all of
/// them, except those with a credential no IAM principal can contain (a root key, a protected role's session) whose
/// decision the response escalated.
/// </summary>
public sealed class AdversaryReachTests
{
    private static readonly Actor Tester = new("tester", "host");

    private static JournalEntry Decision(string actionId) => new(1, DateTimeOffset.UnixEpoch, Tester, "containment.outcome",
        new JsonObject { ["actionId"] = actionId, ["outcome"] = "needs-decision" }, null, "", "");

    private static (RangeState State, string Root, string SsoSession, string UserKey) Account()
    {
        var state = new RangeState("111122223333", new RangeClock(TimeProvider.System));
        lock (state.Sync)
        {
            var root = state.AddRootAccessKey().AccessKeyId;
            state.Iam.Roles["AWSReservedSSO_Admin_0123"] = new IamRole
            {
                RoleName = "AWSReservedSSO_Admin_0123", RoleId = "AROASSO", Path = "/aws-reserved/sso.amazonaws.com/",
                Arn = state.IamArn("role", "/aws-reserved/sso.amazonaws.com/", "AWSReservedSSO_Admin_0123"), AssumeRolePolicyDocument = "{}",
            };
            state.Iam.Sessions["ASIASSO"] = new StsSession
            {
                AccessKeyId = "ASIASSO", SecretAccessKey = "s", Token = "t", Kind = StsSession.Role, RoleName = "AWSReservedSSO_Admin_0123",
            };
            state.AddUser("dev");
            return (state, root, "ASIASSO", state.AddAccessKey("dev").AccessKeyId);
        }
    }

    [Fact]
    public void Successes_with_a_root_key_or_a_protected_roles_session_count_apart_only_once_their_decision_was_escalated()
    {
        var (state, root, sso, user) = Account();
        var before = new Dictionary<string, long> { [$"ec2:RunInstances {root}"] = 4 };
        var after = new Dictionary<string, long>
        {
            [$"ec2:RunInstances {root}"] = 6, [$"iam:CreateAccessKey {root}"] = 1, [$"ec2:RunInstances {sso}"] = 2, [$"ec2:RunInstances {user}"] = 0,
        };

        // Only the root key was escalated: the Identity Center session's successes count against the response.
        var reach = AdversaryReach.Split(state, [Decision($"escalate-root-key/iam-root-access-key:global:{root}")], before, after);
        Assert.Equal((2L, 3L), (reach.Reachable, reach.BeyondReach));
        Assert.Equal([$"ec2:RunInstances {sso}: 2"], reach.ReachableDetail);
        Assert.Contains($"ec2:RunInstances {root}: 2 (escalate-root-key/iam-root-access-key:global:{root})", reach.BeyondReachDetail);

        // Both escalated (the role's decision re-planned as #2): nothing counts against it.
        var both = AdversaryReach.Split(state, [Decision($"escalate-root-key/iam-root-access-key:global:{root}"),
            Decision("attach-deny-policy/iam-role:global:AWSReservedSSO_Admin_0123#2")], before, after);
        Assert.Equal((0L, 5L), (both.Reachable, both.BeyondReach));
    }

    [Fact]
    public void A_key_the_root_key_made_too_late_for_the_response_to_see_is_beyond_reach_with_it_one_it_could_see_is_not()
    {
        var (state, root, _, user) = Account();
        var unseenAfter = DateTimeOffset.Parse("2026-12-07T01:00:00Z");
        var created = new List<Shodo.Range.Adversary.AdversaryCreation>
        {
            new("access-key", "AKIANEWBACKDOOR", null, unseenAfter.AddSeconds(3), root),
            new("session-key", "ASIAFROMNEWKEY", null, unseenAfter.AddSeconds(5), "AKIANEWBACKDOOR"),
            new("access-key", user, null, unseenAfter.AddSeconds(-30), root),
        };
        var after = new Dictionary<string, long>
        {
            ["sts:GetSessionToken AKIANEWBACKDOOR"] = 1, ["ec2:RunInstances ASIAFROMNEWKEY"] = 1, [$"ec2:RunInstances {user}"] = 1,
        };
        var reach = AdversaryReach.Split(state, [Decision($"escalate-root-key/iam-root-access-key:global:{root}")],
            new Dictionary<string, long>(), after, created, unseenAfter);
        Assert.Equal((1L, 2L), (reach.Reachable, reach.BeyondReach));
        Assert.Equal([$"ec2:RunInstances {user}: 1"], reach.ReachableDetail);
    }

    [Fact]
    public void A_user_key_is_always_within_reach_whatever_was_escalated()
    {
        var (state, _, _, user) = Account();
        Assert.Null(AdversaryReach.BeyondReachDecision(state, user));
        var reach = AdversaryReach.Split(state, [Decision("deactivate-access-keys/iam-user:global:dev")],
            new Dictionary<string, long>(), new Dictionary<string, long> { [$"ec2:RunInstances {user}"] = 1 });
        Assert.Equal((1L, 0L), (reach.Reachable, reach.BeyondReach));
    }
}
