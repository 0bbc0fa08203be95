using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Shodo.Aws;
using Shodo.Aws.Policy;
using Shodo.Aws.Protocols;
using Shodo.Aws.Safety;

namespace Shodo.Tests.Aws;

public class ResponderPolicyTests
{
    private static IEnumerable<AwsOperation> OperationsOfEveryCallType()
    {
        var calls = typeof(AwsOperation).Assembly.GetTypes().Where(t => !t.IsAbstract && IsCall(t)).ToList();
        Assert.NotEmpty(calls);
        // Every call record returns a fixed declaration; an uninitialised instance is enough to ask for it.
        return calls.Select(t => (AwsOperation)t.GetProperty("Operation")!.GetValue(RuntimeHelpers.GetUninitializedObject(t))!);
    }

    private static bool IsCall(Type t)
    {
        for (var b = t.BaseType; b is not null; b = b.BaseType)
            if (b.IsGenericType && (b.GetGenericTypeDefinition() == typeof(QueryCall<>) || b.GetGenericTypeDefinition() == typeof(JsonCall<>)))
                return true;
        return false;
    }

    [Fact]
    public void Every_hand_written_call_is_declared_in_the_catalog()
    {
        var undeclared = OperationsOfEveryCallType().Where(o => !OperationCatalog.IsDeclared(o)).ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_declared_operation_is_covered_by_the_policy()
    {
        var policy = ResponderPolicy.AllActions.ToHashSet();
        var uncovered = OperationCatalog.All.Where(o => !policy.Contains(o.IamAction)).ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void The_policy_grants_no_destructive_action_and_its_changes_are_exactly_the_allowlist()
    {
        // The one named exception: kms:RevokeGrant, the approved destructive step, in a statement of its own.
        Assert.Equal(["kms:RevokeGrant"], ResponderPolicy.ApprovedDestructiveActions);
        var statements = ResponderPolicy.Document()["Statement"]!.AsArray();
        Assert.Equal(["kms:RevokeGrant"], statements.Single(s => (string?)s!["Sid"] == "ShodoApprovedDestructiveSteps")!["Action"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(ResponderPolicy.ContainmentActions, statements.Single(s => (string?)s!["Sid"] == "ShodoContainWithoutDeleting")!["Action"]!.AsArray().Select(a => (string)a!));
        foreach (var action in ResponderPolicy.AllActions.Where(a => a != "kms:RevokeGrant"))
        {
            var name = action.Split(':')[1];
            var verb = OperationVerbs.DestructiveVerb(name);
            Assert.True(verb is null || MutationAllowlist.Entries.Any(e => e.DestructiveVerbException && e.Operation.IamAction == action),
                $"{action} is destructive");
        }
        var changes = ResponderPolicy.AllActions.Where(a => a != "kms:RevokeGrant" && !OperationVerbs.IsReadOnly(a.Split(':')[1])).ToHashSet();
        var allowlist = MutationAllowlist.Entries.Select(e => e.Operation.IamAction).ToHashSet();
        Assert.Equal(allowlist.Order(), changes.Order());
    }

    [Fact]
    public void The_policy_is_a_valid_iam_policy_document()
    {
        using var doc = JsonDocument.Parse(ResponderPolicy.Json());
        Assert.Equal("2012-10-17", doc.RootElement.GetProperty("Version").GetString());
        var statements = doc.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.All(statements, s =>
        {
            Assert.Equal("Allow", s.GetProperty("Effect").GetString());
            Assert.Matches("^[A-Za-z0-9]+$", s.GetProperty("Sid").GetString());
            Assert.All(s.GetProperty("Action").EnumerateArray(), a => Assert.Matches("^[a-z0-9-]+:[A-Za-z0-9]+$", a.GetString()));
        });
        var actions = statements.SelectMany(s => s.GetProperty("Action").EnumerateArray()).Select(a => a.GetString()).ToList();
        Assert.Contains("iam:GetAccountAuthorizationDetails", actions);
        Assert.Contains("cloudtrail:LookupEvents", actions);
        Assert.Contains("s3:ListAllMyBuckets", actions);
        Assert.Contains("iam:UpdateAccessKey", actions);
        Assert.Contains("ec2:StopInstances", actions);
    }

    [Fact]
    public async Task An_undeclared_read_is_not_sent_so_the_policy_cannot_miss_it()
    {
        await using var server = await AwsTestServer.StartAsync(r => Reply.QueryResult(r.Action, ""));
        using var aws = await TestConnections.OpenAsync(server.Url);

        // DescribeFleetHistory: a read Shodo never declared (DescribeFleets now is: hold-ec2-fleet reads it).
        await Assert.ThrowsAsync<InvalidOperationException>(() => aws.Ec2().DescribeFleetHistoryAsync(new Amazon.EC2.Model.DescribeFleetHistoryRequest()));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public void The_policy_grants_closing_the_doors_to_the_data_and_their_reads()
    {
        var actions = ResponderPolicy.Document()["Statement"]!.AsArray()
            .SelectMany(st => st!["Action"]!.AsArray().Select(a => (string)a!)).ToHashSet(StringComparer.Ordinal);
        foreach (var action in new[] { "rds:ModifyDBSnapshotAttribute", "rds:DescribeDBSnapshotAttributes", "ec2:ModifySnapshotAttribute", "ec2:DescribeSnapshotAttribute" })
            Assert.Contains(action, actions);
        foreach (var action in new[]
                 {
                     "rds:ModifyDBClusterSnapshotAttribute", "rds:DescribeDBClusterSnapshotAttributes", "s3:PutBucketPolicy",
                     "s3:PutBucketPublicAccessBlock", "s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock", "s3:GetBucketAcl",
                     "ec2:ModifyImageAttribute", "ec2:DescribeImageAttribute",
                     "kms:PutKeyPolicy", "kms:GetKeyPolicy",
                 })
            Assert.Contains(action, actions);
        Assert.DoesNotContain("s3:DeleteBucketPolicy", actions);
    }

    [Fact]
    public void The_policy_lists_the_auto_scaling_operations_that_hold_a_group()
    {
        Assert.Superset(new HashSet<string> { "autoscaling:DescribeAutoScalingGroups", "autoscaling:SuspendProcesses", "autoscaling:ResumeProcesses" },
            ResponderPolicy.AllActions.ToHashSet());
    }
}
