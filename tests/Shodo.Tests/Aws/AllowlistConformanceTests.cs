using Shodo.Aws;
using Shodo.Aws.Safety;

namespace Shodo.Tests.Aws;

/// <summary>The allowlist itself: no destructive verb, nothing read-only, every entry justified.</summary>
public class AllowlistConformanceTests
{
    [Fact]
    public void No_allowlisted_operation_starts_with_a_destructive_verb()
    {
        var offenders = MutationAllowlist.Entries
            .Where(e => !e.DestructiveVerbException)
            .Select(e => (e.Operation.Key, Verb: OperationVerbs.DestructiveVerb(e.Operation.Name)))
            .Where(x => x.Verb is not null)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_allowlisted_operation_or_iam_action_names_delete_terminate_remove_or_detach_anywhere()
    {
        foreach (var entry in MutationAllowlist.Entries.Where(e => !e.DestructiveVerbException))
            foreach (var word in new[] { "Delete", "Terminate", "Remove", "Detach", "Deregister", "Revoke", "Release", "Destroy", "Purge" })
            {
                Assert.DoesNotContain(word, entry.Operation.Name, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(word, entry.Operation.IamAction, StringComparison.OrdinalIgnoreCase);
            }
    }

    [Fact]
    public void The_destructive_verb_exceptions_are_the_documented_containment_ones_and_each_terminates_nothing()
    {
        var exceptions = MutationAllowlist.Entries.Where(e => e.DestructiveVerbException).ToList();
        Assert.Equal(
            ["ec2:CancelSpotFleetRequests", "ec2:CancelSpotInstanceRequests", "ec2:RevokeSecurityGroupEgress"],
            exceptions.Select(e => e.Operation.Key).Order(StringComparer.Ordinal));
        Assert.All(exceptions, e => Assert.Contains("terminates nothing", e.Why));
        Assert.DoesNotContain(exceptions, e => OperationVerbs.DestructiveVerb(e.Operation.Name) is "Delete" or "Terminate" or "Remove" or "Detach");
    }

    [Fact]
    public void Every_entry_changes_state_and_says_why_it_is_needed()
    {
        Assert.All(MutationAllowlist.Entries, e =>
        {
            Assert.False(e.Operation.IsReadOnly, $"{e.Operation} is read-only and needs no allowlist entry");
            Assert.False(string.IsNullOrWhiteSpace(e.Why));
        });
        Assert.Equal(MutationAllowlist.Entries.Count, MutationAllowlist.Keys.Count);
    }

    [Fact]
    public void Every_state_changing_operation_in_the_catalog_is_allowlisted()
    {
        // The one named exception: kms:RevokeGrant, the approved destructive step revoke-kms-grant, on no allowlist.
        Assert.Equal(["kms:RevokeGrant"], ApprovedDestructiveSteps.Keys);
        var mutating = OperationCatalog.All.Where(o => !o.IsReadOnly).Select(o => o.Key).Where(k => k != "kms:RevokeGrant").ToHashSet();
        Assert.Subset(MutationAllowlist.Keys.ToHashSet(), mutating);
        Assert.DoesNotContain("kms:RevokeGrant", MutationAllowlist.Keys);
    }
}
