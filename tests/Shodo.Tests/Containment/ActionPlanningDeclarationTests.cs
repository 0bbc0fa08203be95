using System.Text.Json.Nodes;
using Shodo.Containment;
using Shodo.Containment.Actions;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Tests.Containment;

/// <summary>
/// Walks the registry and plans each action from its own declaration (the targets it applies to, when its target's
/// state calls for it, its order and its authority class), as the planner does: no action is hard-wired elsewhere.
/// </summary>
public sealed class ActionPlanningDeclarationTests
{
    private const string CaseId = "20261206-0900-leak";

    private static PlanningTarget Target(string kind, string id, JsonObject state, bool created = false) =>
        new(new ContainmentTarget(kind, id, TargetKinds.IsIdentity(kind) ? null : "ap-northeast-1"), state, created, CaseId);

    /// <summary>One of each thing an attacker leaves, in the states that call for different actions.</summary>
    private static readonly PlanningTarget[] Targets =
    [
        Target(TargetKinds.User, "backdoor", new JsonObject { ["exists"] = true }, created: true),
        Target(TargetKinds.User, "dev-ci", new JsonObject { ["exists"] = true }),
        Target(TargetKinds.Role, "ci-deploy", new JsonObject { ["exists"] = true }),
        Target(TargetKinds.Instance, "i-protected", new JsonObject { ["exists"] = true, ["disableApiStop"] = true, ["volumes"] = new JsonArray("vol-1") }),
        Target(TargetKinds.Instance, "i-spot", new JsonObject { ["exists"] = true, ["spotRequest"] = new JsonObject { ["type"] = "one-time" } }),
        Target(TargetKinds.Instance, "i-ephemeral", new JsonObject { ["exists"] = true, ["rootDeviceType"] = "instance-store" }),
        Target(TargetKinds.SpotRequest, "sir-persistent", new JsonObject { ["exists"] = true, ["type"] = "persistent" }),
        Target(TargetKinds.SpotRequest, "sir-one-time", new JsonObject { ["exists"] = true, ["type"] = "one-time" }),
        Target(TargetKinds.SpotFleet, "sfr-1", new JsonObject { ["exists"] = true }),
        Target(TargetKinds.AutoScalingGroup, "miners", new JsonObject { ["exists"] = true }),
        Target(TargetKinds.DbSnapshot, "crm-db-shared", new JsonObject { ["exists"] = true, ["restore"] = new JsonArray("444455556666", "all") }),
        Target(TargetKinds.DbSnapshot, "crm-db-private", new JsonObject { ["exists"] = true, ["restore"] = new JsonArray() }),
        Target(TargetKinds.RootAccessKey, "AKIAROOTKEY", new JsonObject { ["exists"] = true }),
        Target(TargetKinds.User, "dev-console", new JsonObject
        {
            ["exists"] = true, ["loginProfile"] = new JsonObject { ["passwordResetRequired"] = false },
        }),
        Target(TargetKinds.Instance, "i-spot-disk", new JsonObject
        {
            ["exists"] = true, ["lifecycle"] = "spot", ["volumes"] = new JsonArray("vol-2"), ["spotRequest"] = new JsonObject { ["type"] = "one-time" },
        }),
        Target(TargetKinds.Instance, "i-persistent-spot", new JsonObject
        {
            ["exists"] = true, ["lifecycle"] = "spot", ["volumes"] = new JsonArray("vol-3"), ["spotRequest"] = new JsonObject { ["type"] = "persistent" },
        }),
        Target(TargetKinds.OrganizationAccount, "311122223335", new JsonObject
        {
            ["exists"] = true, ["attackerUsers"] = new JsonArray("arn:aws:iam::311122223335:user/svc-cloudsync"),
            ["attackerRoles"] = new JsonArray("arn:aws:iam::311122223335:role/OrganizationAccountAccessRole"),
        }),
        Target(TargetKinds.OrganizationAccount, "411122223336", new JsonObject { ["exists"] = true }),
        Target(TargetKinds.SpotFleet, "sfr-maintain", new JsonObject { ["exists"] = true, ["type"] = "maintain", ["targetCapacity"] = 2 }),
        Target(TargetKinds.Ec2Fleet, "fleet-maintain", new JsonObject { ["exists"] = true, ["type"] = "maintain", ["targetCapacity"] = 2 }),
        Target(TargetKinds.Instance, "i-fleet-member", new JsonObject
        {
            ["exists"] = true, ["lifecycle"] = "spot", ["spotRequest"] = new JsonObject { ["type"] = "one-time" },
            ["fleet"] = new JsonObject { ["kind"] = TargetKinds.Ec2Fleet, ["id"] = "fleet-maintain", ["type"] = "maintain", ["state"] = "active" },
        }),
        Target(TargetKinds.Ec2Fleet, "fleet-instant", new JsonObject { ["exists"] = true, ["type"] = "instant", ["targetCapacity"] = 1 }),
        Target(TargetKinds.KmsGrant, "0c6e3f8a-5b2d-4e71-9a4f-7d2b1c8e6f30/5f2c0e1b", new JsonObject
        {
            ["exists"] = true, ["grant"] = new JsonObject { ["GranteePrincipal"] = "arn:aws:iam::444455556666:root", ["Operations"] = new JsonArray("Decrypt") },
        }),
    ];

    private static List<(IContainmentAction Action, JsonObject Parameters)> Plan(PlanningTarget t) =>
        ActionRegistry.All.Where(a => a.AppliesTo.Contains(t.Target.Kind))
            .Select(a => (Action: (IContainmentAction)a, Parameters: a.PlanFor(t)))
            .Where(x => x.Parameters is not null).Select(x => (x.Action, x.Parameters!)).ToList();

    private static List<string> Names(PlanningTarget t) =>
        Plan(t).OrderBy(x => x.Action.OrderFor(t.Target.Kind).Phase).ThenBy(x => x.Action.OrderFor(t.Target.Kind).Step)
            .Select(x => x.Action.Name).ToList();

    [Fact]
    public void Every_registered_action_declares_its_targets_and_is_planned_for_one_of_them()
    {
        foreach (var action in ActionRegistry.All)
        {
            Assert.NotEmpty(action.AppliesTo);
            Assert.Contains(Targets, t => action.AppliesTo.Contains(t.Target.Kind) && action.PlanFor(t) is not null);
            foreach (var kind in action.AppliesTo)
                Assert.Contains(action.AuthorityClass(kind), ActionRegistry.All.Select(a => a.Name));
        }
    }

    [Fact]
    public void Each_target_gets_the_actions_its_state_calls_for_in_the_declared_order()
    {
        Assert.Equal(["attach-deny-policy", "deactivate-access-keys", "tag-resource"], Names(Targets[0]));
        Assert.Equal(["attach-deny-policy"], Names(Targets[2]));
        Assert.Equal(["tag-resource", "snapshot-volumes", "clear-disable-api-stop", "enable-termination-protection", "stop-instance"],
            Names(Targets[3]));
        Assert.Equal(["tag-resource", "isolate-instance"], Names(Targets[4]));
        Assert.Equal(["tag-resource", "enable-termination-protection", "isolate-instance"], Names(Targets[5]));
        Assert.Equal(["cancel-spot-request"], Names(Targets[6]));
        Assert.Empty(Names(Targets[7]));
        Assert.Equal(["cancel-spot-fleet"], Names(Targets[8]));
        Assert.Equal(["suspend-asg-launch"], Names(Targets[9]));
        Assert.Equal(["close-data-door"], Names(Targets[10]));
        Assert.Empty(Names(Targets[11]));
        Assert.Equal(["444455556666", "all"], ActionRegistry.Get("close-data-door").PlanFor(Targets[10])!["openTo"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["escalate-root-key"], Names(Targets[12]));
        Assert.Equal(["attach-deny-policy", "deactivate-access-keys", "require-password-reset", "tag-resource"], Names(Targets[13]));
    }

    [Fact]
    public void Spot_instances_get_no_termination_protection_which_EC2_refuses_and_their_volumes_are_snapshotted_first()
    {
        Assert.Equal(["tag-resource", "snapshot-volumes", "isolate-instance"], Names(Targets[14]));
        Assert.Equal(["tag-resource", "snapshot-volumes", "stop-instance"], Names(Targets[15]));
        Assert.Null(ActionRegistry.Get("enable-termination-protection").PlanFor(Targets[15]));
    }

    [Fact]
    public void A_member_account_the_attacker_reached_gets_its_own_SCP_and_one_it_did_not_reach_nothing()
    {
        Assert.Equal(["deny-by-scp"], Names(Targets[16]));
        Assert.Empty(Names(Targets[17]));
        var scp = ActionRegistry.Get("deny-by-scp");
        var parameters = scp.PlanFor(Targets[16])!;
        Assert.Equal($"ShodoContainment-{CaseId}-311122223335", (string?)parameters["policyName"]);
        Assert.Equal(["arn:aws:iam::311122223335:role/OrganizationAccountAccessRole"], parameters["roles"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("deny-by-scp", scp.AuthorityClass(TargetKinds.OrganizationAccount));
        Assert.Equal(AuthorityLevel.Approver, AuthorityPolicy.Default.For("deny-by-scp", TargetKinds.OrganizationAccount));
    }

    [Fact]
    public void A_maintain_spot_fleet_is_held_at_capacity_0_instead_of_cancelled()
    {
        Assert.Equal(["hold-spot-fleet"], Names(Targets[18]));
        Assert.Equal(AuthorityLevel.Responder, AuthorityPolicy.Default.For("hold-spot-fleet", TargetKinds.SpotFleet));
    }

    [Fact]
    public void A_maintain_EC2_Fleet_is_held_and_its_one_time_Spot_member_is_stopped_once_it_is_held_not_isolated()
    {
        Assert.Equal(["hold-ec2-fleet"], Names(Targets[19]));
        Assert.Equal(AuthorityLevel.Responder, AuthorityPolicy.Default.For("hold-ec2-fleet", TargetKinds.Ec2Fleet));
        Assert.Equal(["tag-resource", "stop-instance"], Names(Targets[20]));
        var stop = ActionRegistry.Get("stop-instance").PlanFor(Targets[20])!;
        Assert.Equal(TargetKinds.Ec2Fleet, (string?)stop["fleet"]!["kind"]);
        Assert.Equal("fleet-maintain", (string?)stop["fleet"]!["id"]);
        Assert.Empty(Names(Targets[21])); // an instant fleet launches nothing more: nothing to hold, and nothing deletes it
    }

    [Fact]
    public void Parameters_come_from_the_action_every_user_is_denied_outright_and_isolation_says_why()
    {
        var deny = ActionRegistry.Get("attach-deny-policy");
        Assert.True((bool)deny.PlanFor(Targets[0])!["unconditional"]!);
        // A user the attacker did not create too: no policy stops its Active key's GetSessionToken, so a deny limited to
        // tokens issued before a cut-off would spare the sessions minted after it (issue 19, item 2).
        Assert.True((bool)deny.PlanFor(Targets[1])!["unconditional"]!);
        Assert.False((bool)deny.PlanFor(Targets[2])!["unconditional"]!);
        Assert.Equal(ContainmentTags.PolicyName(CaseId), (string?)deny.PlanFor(Targets[2])!["policyName"]);
        var isolate = ActionRegistry.Get("isolate-instance");
        Assert.Equal("one-time-spot", (string?)isolate.PlanFor(Targets[4])!["why"]);
        Assert.Equal("instance-store-root", (string?)isolate.PlanFor(Targets[5])!["why"]);
        Assert.Equal(ContainmentTags.QuarantineGroupName(CaseId), (string?)isolate.PlanFor(Targets[5])!["groupName"]);
        var reset = ActionRegistry.Get("require-password-reset");
        Assert.Null(reset.PlanFor(Targets[1])); // no console password: nothing to reset
        Assert.False((bool)reset.PlanFor(Targets[13])!["resetRequiredBefore"]!);
        Assert.Equal("deactivate-access-keys", reset.AuthorityClass(TargetKinds.User));
    }

    [Fact]
    public void The_default_authority_is_derived_from_the_declarations_and_companions_follow_the_action_they_serve()
    {
        Assert.Equal(["attach-deny-policy", "deactivate-access-keys", "stop-instance"], AuthorityPolicy.DefaultResponder.Order().ToList());
        var onlyKeys = new AuthorityPolicy(new HashSet<string> { "deactivate-access-keys", "attach-deny-policy" }, null);
        Assert.Equal(AuthorityLevel.Responder, onlyKeys.For("tag-resource", TargetKinds.User));
        Assert.Equal(AuthorityLevel.Approver, onlyKeys.For("tag-resource", TargetKinds.Instance));
        Assert.Equal(AuthorityLevel.Approver, onlyKeys.For("snapshot-volumes", TargetKinds.Instance));
        Assert.Equal(AuthorityLevel.Approver, onlyKeys.For("enable-termination-protection", TargetKinds.Instance));
    }

    [Fact]
    public void An_instance_an_earlier_plan_stopped_is_not_isolated_once_its_Spot_request_is_cancelled()
    {
        JsonObject State(string state) => new()
        {
            ["exists"] = true, ["state"] = state, ["lifecycle"] = "spot",
            ["spotRequest"] = new JsonObject { ["type"] = "persistent", ["state"] = "cancelled" },
        };
        var isolate = ActionRegistry.Get("isolate-instance");
        var target = new ContainmentTarget(TargetKinds.Instance, "i-persistent", "us-east-1");
        Assert.Equal("spot-request-ended", (string?)isolate.PlanFor(new PlanningTarget(target, State("running"), true, CaseId))!["why"]);
        Assert.Null(isolate.PlanFor(new PlanningTarget(target, State("stopping"), true, CaseId)));
        Assert.Null(isolate.PlanFor(new PlanningTarget(target, State("stopped"), true, CaseId)));
    }
}
