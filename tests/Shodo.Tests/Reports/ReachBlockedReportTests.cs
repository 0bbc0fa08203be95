using System.Text.Json;
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
/// A bucket whose public ACL the account's Block Public Access (IgnorePublicAcls) makes S3 ignore is "not readable", and the
/// report says which setting decided it and whose it is — in English and in Japanese, through impact.json as the investigation
/// writes it.
/// </summary>
public sealed class ReachBlockedReportTests
{
    private const string Bucket = "crm-exports";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 2, 43, 0, TimeSpan.Zero);

    private static Impact Written()
    {
        var state = new AccountSnapshot { AuthorizationDetailsComplete = true };
        state.Users.Add(new UserFact("nobody", "arn:aws:iam::111122223333:user/nobody", At, "e0"));
        state.Buckets.Add(new BucketFact(Bucket, "us-east-1", new Dictionary<string, string>(), null));
        state.BucketPolicies.Add(new BucketPolicyFact(Bucket, null, "e1"));
        state.BucketAcls.Add(new BucketAclFact(Bucket, "owner", [new BucketAclGrant(null, BucketAclGrant.AllUsers, "READ")], "e2"));
        state.BucketPublicAccessBlocks.Add(new BucketPublicAccessBlockFact(Bucket, false, false, false, false, "e3"));
        state.AccountPublicAccessBlock = new AccountPublicAccessBlockFact(true, false, IgnorePublicAcls: true, false, false, "e4");
        var nobody = new AttackerIdentity { Id = "user:nobody", Kind = IdentityKind.User, Name = "nobody", Confidence = Confidence.Confirmed, Reason = "test" };
        var chain = new ChainResult([nobody], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var impact = new Impact
        {
            Cost = new CostEstimate { PriceTable = "test", AsOf = At },
            DataExposure = new DataExposureAssessor(state, chain, new SourceReach(new HashSet<string>(), null)).Assess(),
        };
        return JsonSerializer.Deserialize<Impact>(JsonSerializer.SerializeToUtf8Bytes(impact, InvestigationFiles.Json), InvestigationFiles.Json)!;
    }

    private static string Reachable(string lang)
    {
        var facts = new CaseFacts
        {
            CaseDirectory = "/nonexistent", GeneratedAt = At.AddHours(1), Journal = [],
            Manifest = new CaseManifest("case-1", null, "111122223333", At, new Actor("responder", "host"), "0.0.0"),
            Verification = new CaseVerification([], 0, 0, 0, ""), Impact = Written(),
        };
        var context = new ReportContext(facts, new ReportOptions { Language = lang });
        var table = ImpactSection.Build(context).Blocks.OfType<Table>().First(t => t.Rows.Any(r => r[0] == Bucket));
        return table.Rows.Single(r => r[0] == Bucket)[4];
    }

    [Fact]
    public void Not_readable_names_the_accounts_IgnorePublicAcls_in_english_and_japanese()
    {
        Assert.Equal("no (not readable by everyone through the ACL of crm-exports: the account's Block Public Access setting "
                     + "IgnorePublicAcls makes S3 ignore its public grants)", Reachable("en"));
        var ja = Reachable("ja");
        Assert.Contains("バケット crm-exports の ACL では誰でも読める状態ではありません：アカウントのブロックパブリックアクセス設定 IgnorePublicAcls", ja,
            StringComparison.Ordinal);
        Assert.EndsWith("）", ja, StringComparison.Ordinal);
    }
}
