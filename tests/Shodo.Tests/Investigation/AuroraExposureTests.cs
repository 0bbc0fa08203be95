using System.Diagnostics;
using Shodo.Cases;
using Shodo.Investigation;
using Shodo.Investigation.Model;
using Shodo.Range;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// leaked-key-cryptomining with an Aurora cluster whose manual cluster snapshot the attacker shares with an outside account
/// (with the leaked key, through the real AWS CLI): collection reads the clusters, cluster snapshots and their restore
/// attribute, and the investigation reports the shared cluster snapshot in data exposure as it does an instance snapshot.
/// </summary>
public sealed class AuroraExposureTests(AuroraExposureTests.AuroraCase scenario) : IClassFixture<AuroraExposureTests.AuroraCase>
{
    public const string Cluster = "crm-aurora", Shared = "crm-aurora-export", Kept = "crm-aurora-before-upgrade", Outside = "444455556666";

    public sealed class AuroraCase : ScenarioCase
    {
        protected override string Scenario => "leaked-key-cryptomining";
        protected override InvestigationOptions Options(RangeHost range) => new() { AccessKeyId = range.GroundTruth!.LeakedAccessKeyId };

        protected override async Task PrepareAsync(RangeHost range)
        {
            string key, secret;
            lock (range.State.Sync)
            {
                var now = range.State.Clock.Now;
                // Encrypted with a customer key: RDS refuses to share a snapshot encrypted with the default aws/rds key.
                range.State.CreateDbCluster("us-east-1", Cluster, at: now.AddDays(-200), databaseName: "crm",
                    kmsKeyId: range.State.CreateKmsKey("us-east-1", description: "crm aurora").Arn);
                range.State.CreateDbClusterSnapshot("us-east-1", Shared, Cluster, at: now.AddHours(-3));
                range.State.CreateDbClusterSnapshot("us-east-1", Kept, Cluster, at: now.AddDays(-30));
                key = range.GroundTruth!.LeakedAccessKeyId!;
                secret = range.State.Iam.AccessKeys[key].SecretAccessKey;
            }
            var start = new ProcessStartInfo("aws")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                ArgumentList =
                {
                    "rds", "modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier", Shared, "--attribute-name", "restore",
                    "--values-to-add", Outside, "--endpoint-url", range.Url.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json",
                },
            };
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
            start.Environment["AWS_ACCESS_KEY_ID"] = key;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = secret;
            start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/shodo-tests/config";
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/shodo-tests/credentials";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await error);
            lock (range.State.Sync) range.State.Clock.Advance(TimeSpan.FromMinutes(20)); // CloudTrail has delivered the event
        }
    }

    [Fact]
    public void The_cluster_snapshot_the_attacker_shared_is_an_attacker_resource_containment_closes_and_the_one_it_did_not_share_is_not()
    {
        var resources = InvestigationFiles.ReadResources(CaseFolder.At(scenario.CaseDirectory));
        var shared = Assert.Single(resources, r => r.Type == ResourceTypes.SharedDbClusterSnapshot);
        Assert.Equal(Shared, shared.ResourceId);
        Assert.Equal("us-east-1", shared.Region);
        Assert.Equal([Outside], shared.Attributes["sharedWith"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(true, (bool?)shared.Attributes["openNow"]);
        Assert.DoesNotContain(resources, r => r.ResourceId == Kept);
    }

    [Fact]
    public void A_cluster_snapshot_the_attacker_shared_outside_is_in_data_exposure_like_an_instance_snapshot()
    {
        var impact = InvestigationFiles.ReadImpact(CaseFolder.At(scenario.CaseDirectory))!;
        var shared = impact.DataExposure.Single(d => d.Kind == "rds-cluster-snapshot" && d.Name == Shared);
        Assert.Equal("us-east-1", shared.Region);
        Assert.Equal([Outside], shared.SharedWith);
        Assert.Equal(AccessVerdict.Accessed, shared.Accessed);
        Assert.NotEmpty(shared.EventIds);
        var kept = impact.DataExposure.Single(d => d.Kind == "rds-cluster-snapshot" && d.Name == Kept);
        Assert.Empty(kept.SharedWith);
        Assert.Equal(AccessVerdict.NotAccessed, kept.Accessed);
        var instanceSnapshot = impact.DataExposure.Single(d => d.Kind == "rds-snapshot");
        Assert.Contains(Outside, instanceSnapshot.SharedWith);

        lock (scenario.Range.State.Sync)
        {
            var responder = scenario.Range.State.Calls.Where(c => c.Caller?.AccessKeyId == scenario.Range.Responder.AccessKeyId).ToList();
            Assert.Contains(responder, c => c.EventName == "DescribeDBClusters" && c.ErrorCode is null);
            Assert.Contains(responder, c => c.EventName == "DescribeDBClusterSnapshotAttributes" && c.ErrorCode is null);
        }
    }
}
