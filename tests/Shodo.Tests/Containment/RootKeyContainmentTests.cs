using System.Text.RegularExpressions;
using Shodo.Containment;
using Shodo.Containment.Actions;
using Shodo.Investigation.Model;
using Shodo.Reports;

namespace Shodo.Tests.Containment;

/// <summary>
/// A leaked root access key (used as arn:aws:iam::ACCOUNT:root, owned by no IAM user): containment sends nothing for
/// it — IAM would not find it — and escalates it at once as a person's decision saying what only root can do and the
/// SCP, while the compute the attacker launched is still contained.
/// </summary>
public sealed class RootKeyContainmentTests
{
    [Fact]
    public async Task A_root_key_is_escalated_at_once_as_a_decision_and_the_compute_is_still_contained()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        string rootKey;
        lock (env.Range.State.Sync) rootKey = env.Range.State.AddRootAccessKey().AccessKeyId;
        await env.AddIdentitiesAsync(new AttackerIdentity
        {
            Id = $"access-key:{rootKey}", Kind = IdentityKind.AccessKey, Name = rootKey, AccessKeyId = rootKey,
            Arn = $"arn:aws:iam::{env.Truth.AccountId}:root", Confidence = Confidence.Confirmed,
            Reason = "The root user's key was used from the attacker's address.",
        });
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var root = plan.Actions.Single(a => a.Target.Kind == TargetKinds.RootAccessKey);
            Assert.Equal(("escalate-root-key", rootKey, 1), (root.Action, root.Target.Id, root.Phase));
            await contain.ApproveAllAsync(plan, sha);
            var result = await contain.ApplyAsync(plan, sha);

            var decision = result.Actions.Single(a => a.ActionId == root.Id);
            Assert.Equal(Outcomes.NeedsDecision, decision.Outcome);
            Assert.Contains($"{rootKey} is the root user's access key", decision.Reason);
            Assert.Contains("Only root can stop it: sign in as the root user", decision.Reason);
            Assert.Contains(EscalateRootKey.DenyRootScp, decision.Reason);
            Assert.All(result.Actions.Where(a => a.Action == "stop-instance"), a => Assert.Contains(a.Outcome, new[] { Outcomes.Done, Outcomes.AlreadyDone }));
            Assert.False(result.Contained); // the root key still works: not contained, whatever else is
        }
        lock (env.Range.State.Sync)
        {
            Assert.Equal("Active", env.Range.State.Iam.RootAccessKeys.Single().Status);
            Assert.DoesNotContain(env.Range.State.Calls, c => c.RequestParameters?.ToJsonString().Contains(rootKey, StringComparison.Ordinal) == true);
        }
        var md = Regex.Replace(await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(env.CaseDirectory, ReportFormat.Markdown, "en")), @"\\(.)", "$1");
        Assert.Contains($"{rootKey} is the root user's access key: no IAM policy binds root", md);
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }
}
