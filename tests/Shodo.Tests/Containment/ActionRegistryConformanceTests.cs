using Shodo.Aws;
using Shodo.Aws.Safety;
using Shodo.Containment.Actions;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Tests.Containment;

/// <summary>
/// Walks the action registry: every action declares only allowlisted, non-destructive changes — except the one named,
/// approved destructive step, revoke-kms-grant (kms:RevokeGrant, <see cref="ApprovedDestructiveSteps"/>), which is on no
/// allowlist and passes the interlock only inside its approved step.
/// </summary>
public sealed class ActionRegistryConformanceTests
{
    /// <summary>The one action whose change is an approved destructive step, and its one operation.</summary>
    private const string ApprovedStep = "revoke-kms-grant", ApprovedStepOperation = "kms:RevokeGrant";

    private static IEnumerable<ContainmentAction> EveryOtherAction => ActionRegistry.All.Where(a => a.Name != ApprovedStep);

    [Fact]
    public void Every_operation_an_action_sends_is_declared_and_every_change_is_on_the_never_delete_allowlist()
    {
        foreach (var action in EveryOtherAction)
            foreach (var op in action.Operations)
            {
                Assert.True(OperationCatalog.IsDeclared(op), $"{action.Name}: {op} is not declared");
                if (!op.IsReadOnly) Assert.True(MutationAllowlist.Allows(op), $"{action.Name}: {op} changes state and is not allowlisted");
            }
    }

    [Fact]
    public void No_action_deletes_terminates_removes_or_detaches_and_destructive_verbs_are_only_the_documented_exceptions()
    {
        var exceptions = MutationAllowlist.Entries.Where(e => e.DestructiveVerbException).Select(e => e.Operation.Key).ToHashSet();
        foreach (var op in EveryOtherAction.SelectMany(a => a.Operations))
        {
            Assert.DoesNotMatch("^(Delete|Terminate|Remove|Detach|Deregister|Purge|Destroy)", op.Name);
            if (OperationVerbs.DestructiveVerb(op.Name) is not null) Assert.Contains(op.Key, exceptions);
        }
    }

    [Fact]
    public void The_one_approved_destructive_step_is_revoke_kms_grant_its_only_change_is_RevokeGrant_off_the_allowlist_and_it_needs_an_approver()
    {
        Assert.Equal([ApprovedStepOperation], ApprovedDestructiveSteps.Entries.Select(e => e.Operation.Key));
        Assert.Equal([ApprovedStep], ApprovedDestructiveSteps.Entries.Select(e => e.Step));
        var action = ActionRegistry.Get(ApprovedStep);
        Assert.Equal([ApprovedStepOperation], action.Operations.Where(o => !o.IsReadOnly).Select(o => o.Key));
        Assert.All(action.Operations, o => Assert.True(OperationCatalog.IsDeclared(o)));
        Assert.False(MutationAllowlist.Allows(action.Operations.Single(o => !o.IsReadOnly)));
        Assert.False(action.Reversible);
        Assert.Contains("cannot be re-created identically", action.HowToReverse);
        Assert.Equal(AuthorityLevel.Approver, action.DefaultAuthority);
        Assert.Equal(AuthorityLevel.Approver, AuthorityPolicy.Default.For(ApprovedStep, "kms-grant"));
        Assert.Equal(ApprovedStep, action.AuthorityClass("kms-grant"));
        Assert.DoesNotContain(ApprovedStep, AuthorityPolicy.DefaultResponder);
    }

    [Fact]
    public void Names_are_unique_each_action_says_how_it_is_reversed_and_the_default_authority_is_keys_deny_and_stop()
    {
        Assert.Equal(ActionRegistry.All.Count, ActionRegistry.All.Select(a => a.Name).Distinct().Count());
        Assert.All(ActionRegistry.All, a => Assert.False(string.IsNullOrWhiteSpace(a.HowToReverse)));
        var alone = ActionRegistry.All.Where(a => AuthorityPolicy.Default.For(a.Name, a.Name == "attach-deny-policy" || a.Name == "deactivate-access-keys"
            ? "iam-user" : "ec2-instance") == AuthorityLevel.Responder).Select(a => a.Name).Order().ToList();
        Assert.Equal(["attach-deny-policy", "clear-disable-api-stop", "deactivate-access-keys", "enable-termination-protection",
            "escalate-root-key", "require-password-reset", "snapshot-volumes", "stop-instance", "tag-resource"], alone);
        Assert.Equal(AuthorityLevel.Approver, AuthorityPolicy.Default.For("isolate-instance", "ec2-instance"));
        Assert.Equal(AuthorityLevel.Approver, AuthorityPolicy.Default.For("cancel-spot-request", "ec2-spot-request"));
    }
}
