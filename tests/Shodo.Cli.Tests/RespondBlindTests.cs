using System.Text.Json;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;
using Shodo.Range.Faults;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>shodo respond</c> when events cannot all be read (issue 17): LookupEvents denied or failing, no trail. The recorded
/// state is weighed (<see cref="StateSuspicion"/>): an admin backdoor user created after the leak is a strong candidate,
/// contained under contain-suspected (the drill's policy for leaked-key-blind grants it); a legitimate principal never is.
/// The adversary is present but idle (acts only when ticked), so the runs measure sight, not a race.
/// </summary>
public sealed class RespondBlindTests
{
    private static readonly string[] LegitimateUsers = ["dev-suzuki", "ops-sato", "ci-deploy", "responder"];

    [Fact]
    public async Task Blind_respond_contains_the_admin_backdoor_from_the_recorded_state_and_exits_3()
    {
        await using var responder = await ResponderRange.StartAsync(adversary: true, adversaryInterval: Timeout.InfiniteTimeSpan,
            latency: Shodo.Range.RangeLatency.None, scenario: "leaked-key-blind");
        var range = responder.Range;
        var truth = range.GroundTruth!;

        var run = await CliRun.Invoke(responder.Environment, ["respond", "--watch", "0", "--access-key-id", truth.LeakedAccessKeyId!, "--yes", "--output", "json", .. responder.Options]);

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var caseDir = JsonDocument.Parse(run.Out).RootElement.GetProperty("path").GetString()!;
        var suspected = SuspectedFile.Read(CaseFolder.At(caseDir));
        var backdoor = Assert.Single(suspected, s => s.Kind == ResourceTypes.User);
        Assert.Equal("aws-support-svc", backdoor.Id);
        Assert.Equal("--user-name aws-support-svc", backdoor.ConfirmArguments);
        Assert.Contains("AdministratorAccess", backdoor.Reason);
        // Compute in regions the account never used, launched after the backdoor appeared; none in ap-northeast-1 (web, bastion).
        var instances = suspected.Where(s => s.Kind == ResourceTypes.Instance).ToList();
        Assert.True(instances.Count >= 18, $"only {instances.Count} suspected instances");
        Assert.DoesNotContain(instances, i => i.Region == "ap-northeast-1");
        lock (range.State.Sync)
        {
            Assert.All(range.State.Iam.KeysOf("aws-support-svc"), k => Assert.Equal("Inactive", k.Status));
            foreach (var user in LegitimateUsers)
                Assert.All(range.State.Iam.KeysOf(user), k => Assert.Equal("Active", k.Status));
            Assert.All(OwnInstances(range), i => Assert.Equal("running", i.State));
        }
        AssertNoLegitimateTarget(caseDir, range);

        // The doors the state shows open are suspected with attribution unknown, and closed (close-data-door, contain-suspected).
        var shared = Assert.Single(truth.SharedSnapshots);
        Assert.Contains(suspected, s => s.Kind == ResourceTypes.SharedDbSnapshot && s.Id == shared.DbSnapshotIdentifier && s.Reason.Contains("unknown"));
        var opened = Assert.Single(truth.OpenedBuckets);
        Assert.Contains(suspected, s => s.Kind == ResourceTypes.OpenedBucket && s.Id == opened.Bucket);
        lock (range.State.Sync)
        {
            Assert.Empty(range.State.Rds(shared.Region).Snapshots[shared.DbSnapshotIdentifier].RestoreAccounts);
            Assert.Empty(Shodo.Drill.DataDoorsOpen.BucketOpenTo(range.State.FindBucket(opened.Bucket)!, truth.AccountId));
        }
    }

    [Fact]
    public async Task Blind_a_user_that_appears_during_the_response_with_admin_rights_and_a_key_is_contained_on_resume()
    {
        await using var responder = await ResponderRange.StartAsync(adversary: true, adversaryInterval: Timeout.InfiniteTimeSpan,
            latency: Shodo.Range.RangeLatency.None, scenario: "leaked-key-blind");
        var range = responder.Range;
        var run = await CliRun.Invoke(responder.Environment, ["respond", "--watch", "0", "--access-key-id", range.GroundTruth!.LeakedAccessKeyId!, "--yes", "--output", "json", .. responder.Options]);
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var caseId = JsonDocument.Parse(run.Out).RootElement.GetProperty("case").GetString()!;

        // Two users appear after the account was recorded; CloudTrail cannot say who made them.
        string backdoorKey, internKey;
        lock (range.State.Sync)
        {
            range.State.AddUser("svc-backup").AttachedPolicyArns.Add(Shodo.Range.State.Iam.AwsManagedPolicies.AdministratorAccessArn);
            backdoorKey = range.State.AddAccessKey("svc-backup").AccessKeyId;
            range.State.AddUser("intern").AttachedPolicyArns.Add("arn:aws:iam::aws:policy/ReadOnlyAccess");
            internKey = range.State.AddAccessKey("intern").AccessKeyId;
        }

        var resume = await CliRun.Invoke(responder.Environment, ["respond", "--watch", "0", "--resume", caseId, "--yes", "--output", "json", .. responder.Options]);

        Assert.True(resume.ExitCode == 3, $"exit {resume.ExitCode}: {resume.Out}\n{resume.Error}");
        lock (range.State.Sync)
        {
            Assert.Equal("Inactive", range.State.Iam.AccessKeys[backdoorKey].Status);
            Assert.Equal("Active", range.State.Iam.AccessKeys[internKey].Status);
        }
    }

    [Fact]
    public async Task Partial_sight_one_region_failing_contains_no_legitimate_principal_or_instance()
    {
        await using var responder = await ResponderRange.StartAsync(adversary: true, adversaryInterval: Timeout.InfiniteTimeSpan,
            latency: Shodo.Range.RangeLatency.None, sight: [new SightFault(SightSource.LookupEvents, SightFailure.ServerError, ["eu-west-1"])]);
        var range = responder.Range;
        var truth = range.GroundTruth!;

        var run = await CliRun.Invoke(responder.Environment, ["respond", "--watch", "0", "--access-key-id", truth.LeakedAccessKeyId!, "--yes", "--output", "json", .. responder.Options]);

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var caseDir = JsonDocument.Parse(run.Out).RootElement.GetProperty("path").GetString()!;
        var coverage = JsonDocument.Parse(File.ReadAllText(Path.Combine(caseDir, "coverage.json"))).RootElement;
        Assert.Contains(coverage.GetProperty("investigation").GetProperty("gaps").EnumerateArray(),
            g => g.GetProperty("region").GetString() == "eu-west-1");
        lock (range.State.Sync)
        {
            Assert.All(range.State.Iam.KeysOf("aws-support-svc"), k => Assert.Equal("Inactive", k.Status));
            foreach (var user in LegitimateUsers)
                Assert.All(range.State.Iam.KeysOf(user), k => Assert.Equal("Active", k.Status));
        }
        Assert.DoesNotContain(SuspectedFile.Read(CaseFolder.At(caseDir)), s => s.Kind == ResourceTypes.User && LegitimateUsers.Contains(s.Id));
        AssertNoLegitimateTarget(caseDir, range);
    }

    [Fact]
    public async Task A_clean_account_read_blind_makes_no_legitimate_principal_a_strong_candidate()
    {
        await using var responder = await ResponderRange.StartAsync(adversary: false, latency: Shodo.Range.RangeLatency.None,
            scenario: "clean-account", sight: [new SightFault(SightSource.LookupEvents, SightFailure.AccessDenied)]);
        var range = responder.Range;
        var key = range.Scenario!.Credentials["batch-key"].AccessKeyId;

        var run = await CliRun.Invoke(responder.Environment, ["respond", "--watch", "0", "--access-key-id", key, "--yes", "--output", "json", .. responder.Options]);

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var caseDir = JsonDocument.Parse(run.Out).RootElement.GetProperty("path").GetString()!;
        Assert.Empty(SuspectedFile.Read(CaseFolder.At(caseDir)));
        var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(caseDir, "plan.json"))).RootElement;
        var targets = plan.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("target"))
            .Select(t => (Kind: t.GetProperty("kind").GetString(), Id: t.GetProperty("id").GetString())).Distinct().ToList();
        Assert.All(targets, t => Assert.Equal((TargetKinds.User, "batch-reports"), (t.Kind, t.Id)));
    }

    /// <summary>The account's own instances: web and bastion in ap-northeast-1, launched 200 and 400 days ago.</summary>
    private static List<Shodo.Range.State.Ec2.Ec2Instance> OwnInstances(Shodo.Range.RangeHost range)
    {
        lock (range.State.Sync)
        {
            var own = range.State.Ec2("ap-northeast-1").Instances.Where(i => i.LaunchTime < range.State.Clock.Now.AddDays(-100)).ToList();
            Assert.Equal(4, own.Count);
            return own;
        }
    }

    /// <summary>No action of the plan targets a legitimate user or the account's own instances.</summary>
    private static void AssertNoLegitimateTarget(string caseDir, Shodo.Range.RangeHost range)
    {
        var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(caseDir, "plan.json"))).RootElement;
        var targets = plan.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("target"))
            .Select(t => (Kind: t.GetProperty("kind").GetString(), Id: t.GetProperty("id").GetString())).ToList();
        Assert.DoesNotContain(targets, t => t.Kind == TargetKinds.User && LegitimateUsers.Contains(t.Id));
        var own = OwnInstances(range).Select(i => i.InstanceId).ToHashSet();
        Assert.DoesNotContain(targets, t => t.Kind == TargetKinds.Instance && own.Contains(t.Id!));
    }
}
