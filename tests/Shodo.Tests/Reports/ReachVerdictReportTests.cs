using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Reports;
using Shodo.Reports.Document;
using Shodo.Reports.Facts;
using Shodo.Reports.Sections;

namespace Shodo.Tests.Reports;

/// <summary>
/// Each store's "could the attacker read it" is said plainly in the report: yes, no, or unknown with what could not be read
/// that would decide it — in English and in Japanese, through impact.json as the investigation writes it.
/// </summary>
public sealed class ReachVerdictReportTests
{
    private const string Bucket = "crm-exports", Snapshot = "snap-0000000000000ffff";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 2, 43, 0, TimeSpan.Zero);

    /// <summary>The exposures an investigation that read nothing of the bucket or the snapshot writes, read back from impact.json.</summary>
    private static Impact Written()
    {
        var nothing = new AccountSnapshot();
        nothing.Buckets.Add(new BucketFact(Bucket, "us-east-1", new Dictionary<string, string>(), null));
        var shared = new AttackerResource
        {
            Id = "x", Type = ResourceTypes.SharedEbsSnapshot, Region = "us-east-1", ResourceId = Snapshot,
            Attributes = new JsonObject { ["sharedWith"] = new JsonArray("444455556666") },
        };
        var chain = new ChainResult([], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var exposures = new DataExposureAssessor(nothing, chain, new SourceReach(new HashSet<string>(), null), [shared]).Assess();
        var impact = new Impact
        {
            Cost = new CostEstimate { PriceTable = "test", AsOf = At }, DataExposure = exposures,
        };
        return JsonSerializer.Deserialize<Impact>(JsonSerializer.SerializeToUtf8Bytes(impact, InvestigationFiles.Json), InvestigationFiles.Json)!;
    }

    private const string Conditioned = "vpce-exports";

    /// <summary>A bucket everyone may read through one VPC endpoint only, everything else about it read.</summary>
    private static Impact WrittenConditioned()
    {
        var state = new AccountSnapshot();
        state.Buckets.Add(new BucketFact(Conditioned, "us-east-1", new Dictionary<string, string>(), null));
        state.BucketPolicies.Add(new BucketPolicyFact(Conditioned,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::vpce-exports/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}]}""",
            "e1"));
        state.BucketAcls.Add(new BucketAclFact(Conditioned, "owner", [], "e2"));
        state.BucketPublicAccessBlocks.Add(new BucketPublicAccessBlockFact(Conditioned, false, false, false, false, "e3"));
        state.BucketEncryptions.Add(new BucketEncryptionFact(Conditioned, "AES256", null, "e4"));
        var chain = new ChainResult([], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var impact = new Impact
        {
            Cost = new CostEstimate { PriceTable = "test", AsOf = At },
            DataExposure = new DataExposureAssessor(state, chain, new SourceReach(new HashSet<string>(), null)).Assess(),
        };
        return JsonSerializer.Deserialize<Impact>(JsonSerializer.SerializeToUtf8Bytes(impact, InvestigationFiles.Json), InvestigationFiles.Json)!;
    }

    private static Dictionary<string, IReadOnlyList<string>> Rows(string lang) => Rows(lang, Written(), Bucket);

    private static Dictionary<string, IReadOnlyList<string>> Rows(string lang, Impact impact, string bucket)
    {
        var facts = new CaseFacts
        {
            CaseDirectory = "/nonexistent", GeneratedAt = At.AddHours(1), Journal = [],
            Manifest = new CaseManifest("case-1", null, "111122223333", At, new Actor("responder", "host"), "0.0.0"),
            Verification = new CaseVerification([], 0, 0, 0, ""), Impact = impact,
        };
        var context = new ReportContext(facts, new ReportOptions { Language = lang });
        var section = ImpactSection.Build(context);
        var table = section.Blocks.OfType<Table>().First(t => t.Rows.Any(r => r[0] == bucket));
        return table.Rows.ToDictionary(r => r[0], r => r);
    }

    [Fact]
    public void An_unknown_verdict_names_each_thing_not_read_in_english()
    {
        var rows = Rows("en");
        Assert.Equal("Unknown: the bucket policy of crm-exports not read; the ACL of crm-exports not read; "
                     + "no attacker principal known", rows[Bucket][4]);
        Assert.Equal($"Unknown: EBS snapshot {Snapshot} not read (whether it is encrypted, and with which key)", rows[Snapshot][4]);
    }

    [Fact]
    public void And_in_japanese_in_japanese_words()
    {
        var rows = Rows("ja");
        Assert.Equal("不明: バケット crm-exports のバケットポリシーを読めませんでした、バケット crm-exports の ACL を読めませんでした、"
                     + "攻撃者のプリンシパルが特定されていません", rows[Bucket][4]);
        Assert.Equal($"不明: EBS スナップショット {Snapshot} を読めませんでした（暗号化の有無と KMS キーが不明）", rows[Snapshot][4]);
    }

    [Fact]
    public void A_grant_held_to_a_condition_is_said_as_only_under_that_condition_in_english_and_in_japanese()
    {
        Assert.Equal($"Unknown: the bucket policy of {Conditioned} lets everyone in only under condition aws:SourceVpce StringEquals vpce-1a2b3c4d, "
                     + "which the collected state cannot decide; no attacker principal known", Rows("en", WrittenConditioned(), Conditioned)[Conditioned][4]);
        Assert.Equal($"不明: バケット {Conditioned} のバケットポリシーは条件 aws:SourceVpce StringEquals vpce-1a2b3c4d のもとでのみ全員に読み取りを許します"
                     + "（収集した状態からは判断できません）、攻撃者のプリンシパルが特定されていません", Rows("ja", WrittenConditioned(), Conditioned)[Conditioned][4]);
    }
}
