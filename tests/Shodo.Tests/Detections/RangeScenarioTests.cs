using System.Text.Json;
using Shodo.Range;
using Shodo.Range.State.CloudTrail;
using Shodo.Sigma;

namespace Shodo.Tests.Detections;

/// <summary>
/// The built-in rules on the CloudTrail records the range writes for its scenarios: a week of a
/// clean account raises nothing above Low; in the leaked-key scenario the legitimate staff and CI
/// raise nothing above Low while the attacker's calls fire the playbook's rules.
/// </summary>
public class RangeScenarioTests
{
    private static async Task<(List<JsonElement> Records, RangeHost Range)> Play(string scenario)
    {
        var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = scenario });
        List<JsonElement> records;
        lock (range.State.Sync)
            records = range.State.Calls
                .Select(c => JsonSerializer.SerializeToElement(CloudTrailRecord.From(c, range.State.AccountId)))
                .ToList();
        return (records, range);
    }

    private static IEnumerable<string> AboveLow(IEnumerable<JsonElement> records)
    {
        var matcher = new SigmaMatcher(SigmaRuleSet.BuiltIn.Rules);
        foreach (var record in records)
            foreach (var rule in matcher.Match(record).Where(r => r.Level > SigmaLevel.Low))
                yield return $"{rule.Title} on {record.GetProperty("eventName")} by {record.GetProperty("userIdentity")}";
    }

    [Fact]
    public async Task A_clean_account_raises_nothing_above_low()
    {
        var (records, range) = await Play("clean-account");
        await using var _ = range;
        Assert.True(records.Count > 100, $"only {records.Count} records");
        Assert.Empty(AboveLow(records));
    }

    [Fact]
    public async Task In_the_leaked_key_scenario_only_the_attacker_raises_more_than_low()
    {
        var (records, range) = await Play("leaked-key-cryptomining");
        await using var _ = range;
        var truth = range.GroundTruth!;
        var attackerKeys = truth.AccessKeyIds.Concat(truth.SessionAccessKeyIds).ToHashSet();
        bool ByAttacker(JsonElement r) =>
            r.GetProperty("userIdentity").TryGetProperty("accessKeyId", out var key) && attackerKeys.Contains(key.GetString() ?? "");

        Assert.Empty(AboveLow(records.Where(r => !ByAttacker(r))));

        var matcher = new SigmaMatcher(SigmaRuleSet.BuiltIn.Rules);
        var fired = records.Where(ByAttacker).SelectMany(matcher.Match).Select(r => Path.GetFileNameWithoutExtension(r.Path!)).ToHashSet();
        string[] expected =
        [
            "recon_sts_get_caller_identity", "recon_s3_list_buckets", "recon_iam_list_users",
            "persistence_iam_create_user", "privesc_iam_admin_policy_attached", "persistence_iam_create_access_key_other_user",
            "persistence_iam_create_login_profile", "evasion_cloudtrail_stop_or_delete", "impact_ec2_import_key_pair",
            "impact_ec2_gpu_or_large_instances", "impact_ec2_spot_requests", "exfiltration_rds_snapshot_shared",
            "impact_ec2_compute_in_opt_in_region",
        ];
        Assert.Empty(expected.Except(fired));
    }
}
