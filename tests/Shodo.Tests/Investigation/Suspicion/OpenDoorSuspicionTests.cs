using Shodo.Containment;
using Shodo.Containment.Planning;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// Blind (no events read): the doors to the data the recorded state shows open — an RDS DB or cluster snapshot another
/// account may restore, a bucket whose policy lets in everyone or another account — are suspected with attribution unknown,
/// and the planner makes each a door target (close-data-door, under contain-suspected); a private one, and one the events
/// already attributed, are not.
/// </summary>
public sealed class OpenDoorSuspicionTests
{
    private const string Account = "111122223333", Outside = "444455556666";

    private static AccountSnapshot State()
    {
        var state = new AccountSnapshot();
        state.Users.Add(new UserFact("dev", $"arn:aws:iam::{Account}:user/dev", null, "e"));
        state.DbSnapshots.Add(new DbSnapshotFact("ap-northeast-1", "crm-db-manual", [Outside], "e"));
        state.DbSnapshots.Add(new DbSnapshotFact("ap-northeast-1", "crm-db-nightly", [], "e"));
        state.DbSnapshots.Add(new DbSnapshotFact("us-east-1", "crm-aurora-export", ["all"], "e") { Cluster = true });
        state.Buckets.Add(new BucketFact("acme-customer-data", "ap-northeast-1", new Dictionary<string, string>(), "e"));
        state.Buckets.Add(new BucketFact("acme-internal", "ap-northeast-1", new Dictionary<string, string>(), "e"));
        state.BucketPolicies.Add(new BucketPolicyFact("acme-customer-data",
            """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-customer-data/*"}]}""", "e"));
        state.BucketPolicies.Add(new BucketPolicyFact("acme-internal",
            $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:role/app"},"Action":"s3:GetObject","Resource":"*"}]}""", "e"));
        return state;
    }

    [Fact]
    public void Shared_snapshots_and_an_open_bucket_in_the_state_are_suspected_doors_with_attribution_unknown_and_planned_as_door_targets()
    {
        var doors = StateSuspicion.OpenDoors(State(), new HashSet<string>()).ToList();

        Assert.Equal(["rds:shared-cluster-snapshot:crm-aurora-export", "rds:shared-snapshot:crm-db-manual", "s3:opened-bucket:acme-customer-data"],
            doors.Select(d => $"{d.Kind}:{d.Id}").Order(StringComparer.Ordinal));
        Assert.All(doors, d => Assert.Contains("unknown", d.Reason, StringComparison.Ordinal));
        Assert.Contains(Outside, doors.Single(d => d.Id == "crm-db-manual").Reason, StringComparison.Ordinal);
        Assert.Equal("ap-northeast-1", doors.Single(d => d.Id == "acme-customer-data").Region);
        // A bucket whose location answer is missing is still closed in its own region: the one its policy was answered from.
        var state = State();
        state.Buckets.Clear();
        state.BucketPolicies[0] = state.BucketPolicies[0] with { Region = "eu-west-1" };
        Assert.Equal("eu-west-1", StateSuspicion.OpenDoors(state, new HashSet<string>()).Single(d => d.Id == "acme-customer-data").Region);

        var targets = new TargetSet();
        SuspectedTargets.Add(targets, doors);
        Assert.Equal(
            new[] { $"{TargetKinds.Bucket}:acme-customer-data", $"{TargetKinds.DbClusterSnapshot}:crm-aurora-export", $"{TargetKinds.DbSnapshot}:crm-db-manual" }
                .Order(StringComparer.Ordinal),
            targets.All.Select(g => $"{g.Target.Kind}:{g.Target.Id}").Order(StringComparer.Ordinal));
        Assert.All(targets.All, g => Assert.True(g.Suspected));
        Assert.All(targets.All, g => Assert.NotNull(g.Target.Region));
    }

    [Fact]
    public void A_door_the_events_already_attributed_is_not_suspected_again()
    {
        var attributed = new HashSet<string> { StateSuspicion.Key(ResourceTypes.SharedDbSnapshot, "crm-db-manual") };
        Assert.DoesNotContain(StateSuspicion.OpenDoors(State(), attributed), d => d.Id == "crm-db-manual");
    }

    [Fact]
    public void A_customer_key_whose_policy_lets_another_account_in_is_a_suspected_door_and_an_AWS_managed_or_private_one_is_not()
    {
        var state = new AccountSnapshot();
        string Arn(string id) => $"arn:aws:kms:ap-northeast-1:{Account}:key/{id}";
        var own = $$"""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"kms:*","Resource":"*"}""";
        var outside = $$"""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Outside}}:root"},"Action":"kms:Decrypt","Resource":"*"}""";
        var anyone = """{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}}""";
        state.KmsKeys.Add(new KmsKeyFact("ap-northeast-1", "k-open", Arn("k-open"), "CUSTOMER", "Enabled", $"{{\"Statement\":[{own},{outside}]}}", [], "e"));
        state.KmsKeys.Add(new KmsKeyFact("ap-northeast-1", "k-private", Arn("k-private"), "CUSTOMER", "Enabled", $"{{\"Statement\":[{own}]}}", [], "e"));
        state.KmsKeys.Add(new KmsKeyFact("ap-northeast-1", "k-aws-ebs", Arn("k-aws-ebs"), "AWS", "Enabled", $"{{\"Statement\":[{anyone}]}}", [], "e"));

        var door = Assert.Single(StateSuspicion.OpenDoors(state, new HashSet<string>()));
        Assert.Equal((ResourceTypes.OpenedKeyPolicy, "k-open", "ap-northeast-1"), (door.Kind, door.Id, door.Region));
        Assert.Contains(Outside, door.Reason, StringComparison.Ordinal);
        Assert.Contains("unknown", door.Reason, StringComparison.Ordinal);
        Assert.Empty(StateSuspicion.OpenDoors(state, new HashSet<string> { StateSuspicion.Key(ResourceTypes.OpenedKeyPolicy, "k-open") }));

        var targets = new TargetSet();
        SuspectedTargets.Add(targets, [door]);
        var target = Assert.Single(targets.All);
        Assert.Equal(new ContainmentTarget(TargetKinds.KmsKeyPolicy, "k-open", "ap-northeast-1"), target.Target);
        Assert.True(target.Suspected);
    }
}
