using Shodo.Cases;
using Shodo.Investigation.Model;
using Xunit.Abstractions;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// Issue 4's acceptance against the range's leaked-key-cryptomining scenario, starting from the leaked
/// key id only: every attacker identity and resource of the ground truth, nothing legitimate, the
/// personal-data bucket read, the snapshot shared outside, the StopLogging attempt.
/// </summary>
[Collection(LeakedKeyCollection.Name)]
public sealed class LeakedKeyInvestigationTests(LeakedKeyScenarioCase scenario, ITestOutputHelper output)
{
    private Shodo.Range.Scenarios.GroundTruth Truth => scenario.Range.GroundTruth!;

    [Fact]
    public void Every_attacker_identity_is_found_and_no_legitimate_one()
    {
        var identities = InvestigationFiles.ReadIdentities(CaseFolder.At(scenario.CaseDirectory));
        foreach (var i in identities) output.WriteLine($"{i.Id} {i.Confidence} {i.Reason}");
        var keys = identities.Where(i => i.Kind == IdentityKind.AccessKey).Select(i => i.Name).Order().ToList();
        var sessions = identities.Where(i => i.Kind == IdentityKind.SessionKey).Select(i => i.Name).Order().ToList();
        var users = identities.Where(i => i.Kind == IdentityKind.User).Select(i => i.Name).Order().ToList();
        var profiles = identities.Where(i => i.Kind == IdentityKind.LoginProfile).Select(i => i.Name).Order().ToList();
        Assert.Equal(Truth.AccessKeyIds.Order(), keys);
        Assert.Equal(Truth.SessionAccessKeyIds.Order(), sessions);
        Assert.Equal(Truth.Users.Order(), users);
        Assert.Equal(Truth.LoginProfiles.Order(), profiles);
        Assert.All(identities, i => Assert.Equal(Confidence.Confirmed, i.Confidence));
        var leaked = identities.Single(i => i.Name == Truth.LeakedAccessKeyId);
        Assert.Equal(Truth.LeakedUserName, leaked.Owner);
        Assert.DoesNotContain("203.0.113.24", leaked.SourceIps);
    }

    [Fact]
    public void The_attackers_events_are_in_the_timeline_and_the_owners_are_not()
    {
        var lines = File.ReadAllLines(Path.Combine(scenario.CaseDirectory, InvestigationFiles.Timeline))
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        var ids = lines.Select(l => (string)l["eventId"]!).ToHashSet();
        Assert.Equal(ids.Count, lines.Count);
        foreach (var e in Truth.Events) Assert.Contains(e.EventId, ids);
        Assert.DoesNotContain(lines, l => (string?)l["sourceIp"] == "203.0.113.24");
        var times = lines.Select(l => (string)l["eventTime"]!).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        var stop = Assert.Single(lines, l => (string)l["eventName"]! == "StopLogging");
        Assert.Equal("AccessDenied", ((string)stop["errorCode"]!).Replace("Exception", ""));
    }

    [Fact]
    public void Every_attacker_resource_is_found_and_nothing_else()
    {
        var resources = InvestigationFiles.ReadResources(CaseFolder.At(scenario.CaseDirectory));
        foreach (var r in resources) output.WriteLine($"{r.Id} {r.State} {r.Attributes.ToJsonString()}");
        string[] Of(string type) => resources.Where(r => r.Type == type).Select(r => $"{r.Region}/{r.ResourceId}").Order().ToArray();
        Assert.Equal(Truth.Instances.Select(i => $"{i.Region}/{i.InstanceId}").Order(), Of(ResourceTypes.Instance));
        Assert.Equal(Truth.SpotRequests.Select(s => $"{s.Region}/{s.SpotInstanceRequestId}").Order(), Of(ResourceTypes.SpotRequest));
        Assert.Equal(Truth.KeyPairs.Select(k => $"{k.Region}/{k.KeyName}").Order(), Of(ResourceTypes.KeyPair));
        Assert.Equal(Truth.Users.Select(u => $"/{u}").Order(), Of(ResourceTypes.User));
        Assert.Equal(Truth.LoginProfiles.Select(u => $"/{u}").Order(), Of(ResourceTypes.LoginProfile));
        Assert.Equal(Truth.AccessKeyIds.Where(k => k != Truth.LeakedAccessKeyId).Select(k => $"/{k}").Order(), Of(ResourceTypes.AccessKey));
        var snapshot = Assert.Single(resources, r => r.Type == ResourceTypes.SharedDbSnapshot);
        var truth = Assert.Single(Truth.SharedSnapshots);
        Assert.Equal(truth.DbSnapshotIdentifier, snapshot.ResourceId);
        Assert.Contains(truth.SharedWithAccount, snapshot.Attributes["sharedWith"]!.AsArray().Select(n => (string)n!));
        foreach (var i in Truth.Instances)
            Assert.Equal(i.Market, (string?)resources.Single(r => r.ResourceId == i.InstanceId).Attributes["market"]);
    }

    [Fact]
    public void The_personal_data_bucket_was_read_and_the_snapshot_shared_outside()
    {
        var impact = InvestigationFiles.ReadImpact(CaseFolder.At(scenario.CaseDirectory))!;
        var first = impact.DataExposure[0];
        Assert.True(first.PersonalData);
        Assert.Equal("acme-customer-data", first.Name);
        Assert.Equal(AccessVerdict.Accessed, first.Accessed);
        Assert.Equal(Truth.ObjectsRead.Select(o => o.Key).Order(), first.Objects.Select(o => o.Key).Order());
        Assert.True(first.Reachable);
        var snapshot = impact.DataExposure.Single(d => d.Kind == "rds-snapshot");
        Assert.Equal(AccessVerdict.Accessed, snapshot.Accessed);
        Assert.Contains("444455556666", snapshot.SharedWith);
    }

    [Fact]
    public void The_subnet_shared_through_RAM_is_a_door_found_open_to_the_outside_account_since_the_attacker_created_it()
    {
        var resources = InvestigationFiles.ReadResources(CaseFolder.At(scenario.CaseDirectory));
        var share = Assert.Single(resources, r => r.Type == ResourceTypes.SharedResourceShare);
        Assert.Equal(("ap-northeast-1", "partner-sync", "shared"), (share.Region, share.Name, share.State));
        Assert.StartsWith("arn:aws:ram:ap-northeast-1:", share.ResourceId);
        Assert.Equal(["444455556666"], share.Attributes["sharedWith"]!.AsArray().Select(n => (string)n!));
        Assert.Matches(@"^arn:aws:ec2:ap-northeast-1:\d{12}:subnet/subnet-", (string)share.Attributes["resources"]![0]!);
        Assert.True((bool)share.Attributes["openNow"]!);
        Assert.Equal("access-key:" + Truth.LeakedAccessKeyId, share.CreatedBy);
        Assert.NotEmpty(share.Evidence);
    }

    [Fact]
    public void The_grant_on_the_key_of_the_shared_copy_is_a_door_open_to_the_outside_account_since_the_attacker_created_it()
    {
        var resources = InvestigationFiles.ReadResources(CaseFolder.At(scenario.CaseDirectory));
        var grant = Assert.Single(resources, r => r.Type == ResourceTypes.OutsideKmsGrant);
        var truth = Assert.Single(Truth.KmsGrants);
        Assert.Equal((truth.Region, $"{truth.KeyId}/{truth.GrantId}", "granted"), (grant.Region, grant.ResourceId, grant.State));
        Assert.Equal(truth.GranteePrincipal, (string)grant.Attributes["granteePrincipal"]!);
        Assert.Equal(["444455556666"], grant.Attributes["sharedWith"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("Decrypt", grant.Attributes["operations"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)grant.Attributes["openNow"]!);
        Assert.Equal("access-key:" + Truth.LeakedAccessKeyId, grant.CreatedBy);
        Assert.NotEmpty(grant.Evidence);
    }

    [Fact]
    public void The_key_policy_the_attacker_opened_to_the_outside_account_is_a_door_open_since_its_PutKeyPolicy()
    {
        var resources = InvestigationFiles.ReadResources(CaseFolder.At(scenario.CaseDirectory));
        var opened = Assert.Single(resources, r => r.Type == ResourceTypes.OpenedKeyPolicy);
        var truth = Assert.Single(Truth.KmsKeyPolicies);
        Assert.Equal((truth.Region, truth.KeyId, "opened"), (opened.Region, opened.ResourceId, opened.State));
        Assert.Equal(truth.OpenTo, opened.Attributes["sharedWith"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)opened.Attributes["openNow"]!);
        Assert.Equal("access-key:" + Truth.LeakedAccessKeyId, opened.CreatedBy);
        var put = Truth.Events.Single(e => e.EventName == "PutKeyPolicy").Time; // CloudTrail's eventTime is to the second
        Assert.Equal(put.AddTicks(-(put.Ticks % TimeSpan.TicksPerSecond)), opened.CreatedAt);
        Assert.NotEmpty(opened.Evidence);
    }

    [Fact]
    public void A_bucket_without_data_events_is_unknown_not_unaccessed()
    {
        var impact = InvestigationFiles.ReadImpact(CaseFolder.At(scenario.CaseDirectory))!;
        var assets = impact.DataExposure.Single(d => d.Name == "acme-app-assets");
        Assert.Equal(AccessVerdict.Unknown, assets.Accessed);
        Assert.Contains("data-events-not-logged", assets.Unknowable);
        Assert.Contains("cannot be determined", assets.Explanation);
    }

    [Fact]
    public void Cost_is_estimated_for_every_attacker_instance()
    {
        var cost = InvestigationFiles.ReadImpact(CaseFolder.At(scenario.CaseDirectory))!.Cost;
        output.WriteLine($"total {cost.TotalSoFar} burn {cost.BurnRatePerHour}/h unknown: {string.Join(", ", cost.UnknownTypes)}");
        Assert.Equal(Truth.Instances.Count, cost.Instances.Count);
        Assert.Empty(cost.UnknownTypes);
        Assert.All(cost.Instances, i => Assert.True(i.PricePerHour > 0 && i.HoursSoFar > 1.5));
        Assert.True(cost.BurnRatePerHour > 100);
        Assert.Contains("aws.amazon.com/ec2/pricing", cost.PriceTable);
    }

    [Fact]
    public void Compute_abuse_is_detected()
    {
        var findings = InvestigationFiles.ReadFindings(CaseFolder.At(scenario.CaseDirectory));
        foreach (var f in findings) output.WriteLine($"{f.Severity} {f.RuleId} {f.Title} [{string.Join(",", f.Techniques)}] {f.EventIds.Count} events");
        Assert.Contains(findings, f => f.RuleId == "shodo-compute-opt-in-regions" && f.Severity == Severity.High);
        Assert.Contains(findings, f => f.RuleId == "shodo-compute-gpu-or-large" && f.Techniques.Contains("T1496"));
        Assert.Contains(findings, f => f.RuleId == "shodo-compute-new-regions");
        Assert.Contains(findings, f => f.RuleId == "shodo-compute-spot");
    }

    [Fact]
    public void Sigma_rules_find_the_stop_logging_attempt_the_backdoor_and_the_shared_snapshot()
    {
        var findings = InvestigationFiles.ReadFindings(CaseFolder.At(scenario.CaseDirectory));
        var stop = Assert.Single(findings, f => f.Techniques.Contains("T1562.008"));
        var stopEvent = Truth.Events.Single(e => e.EventName == "StopLogging");
        Assert.Contains(stopEvent.EventId, stop.EventIds);
        Assert.True(stop.Severity >= Severity.High);
        Assert.NotNull(stop.Rule);
        Assert.Contains(findings, f => f.Techniques.Any(t => t.StartsWith("T1136")) && f.Identities.Contains($"access-key:{Truth.LeakedAccessKeyId}"));
        var share = Truth.Events.Single(e => e.EventName == "ModifyDBSnapshotAttribute");
        Assert.Contains(findings, f => f.EventIds.Contains(share.EventId) && f.Severity >= Severity.High);
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Summary)));
    }

    [Fact]
    public void The_investigation_is_complete_and_the_case_verifies()
    {
        Assert.Empty(scenario.Result.Gaps);
        Assert.True(Shodo.Cases.CaseVerifier.Verify(scenario.CaseDirectory).Intact);
        var journal = File.ReadAllText(Path.Combine(scenario.CaseDirectory, Shodo.Cases.CaseFileNames.Journal));
        Assert.Contains("investigate.started", journal);
        Assert.Contains("investigate.finished", journal);
        var coverage = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(scenario.CaseDirectory, "coverage.json")))!;
        Assert.True((bool)coverage["investigation"]!["complete"]!);
        Assert.NotNull(coverage["regions"]);
    }
}
