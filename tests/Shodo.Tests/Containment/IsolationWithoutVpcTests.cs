using System.Text.Json.Nodes;
using Shodo.Containment;
using Shodo.Containment.Actions;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Tests.Containment;

/// <summary>
/// An instance in no VPC (EC2-Classic's last ones) has no security group a quarantine could live in: isolation sends
/// nothing and says what a person must do (a NotSupportedException, which apply records as needs-decision), never a crash.
/// </summary>
public sealed class IsolationWithoutVpcTests
{
    [Fact]
    public async Task An_instance_in_no_VPC_is_a_decision_for_a_person_and_nothing_is_sent()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var action = ActionRegistry.Get("isolate-instance");
            var target = new ContainmentTarget(TargetKinds.Instance, "i-0classic0000000001", "us-east-1");
            var planned = new PlannedAction
            {
                Id = $"isolate-instance/{target.Key}", Action = action.Name, Target = target, Reason = "created by the attacker",
                ExpectedAfter = "", Reversible = true, Reverse = action.HowToReverse, Authority = AuthorityLevel.Approver, Phase = 3, Step = 4,
                Parameters = new JsonObject { ["groupName"] = "shodo-quarantine-case", ["why"] = "one-time-spot" },
            };
            var sent = new List<string>();
            var context = new ContainmentContext(contain.Aws, "case", TimeProvider.System, (_, op, _) => { sent.Add(op.Name); return Task.CompletedTask; });
            var state = new JsonObject { ["exists"] = true, ["instanceId"] = target.Id, ["state"] = "running", ["vpcId"] = null };

            var refused = await Assert.ThrowsAsync<NotSupportedException>(() => action.ChangeAsync(context, planned, state, default));
            Assert.Contains(target.Id, refused.Message);
            Assert.Contains("VPC", refused.Message);
            Assert.Empty(sent);
            Assert.Empty(env.ResponderChanges());
        }
    }
}
