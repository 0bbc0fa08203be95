using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports;
using Shodo.Reports.Document;
using Shodo.Reports.Facts;
using Shodo.Reports.Sections;

namespace Shodo.Tests.Reports;

/// <summary>
/// A RAM share the attacker opened to an outside account is named among the doors to the data, in English and Japanese:
/// to whom, since when, what it shares, and the decision — Shodo reports it and does not disassociate, with the command
/// a person would run.
/// </summary>
public sealed class ResourceShareReportTests
{
    private const string Arn = "arn:aws:ram:ap-northeast-1:111122223333:resource-share/0c3b6f3e-4a61-4c62-9f0e-3d1d2b8e2a10";
    private const string Subnet = "arn:aws:ec2:ap-northeast-1:111122223333:subnet/subnet-0abc";
    private static readonly DateTimeOffset Shared = new(2026, 11, 28, 2, 43, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> Row(string lang)
    {
        var facts = new CaseFacts
        {
            CaseDirectory = "/nonexistent", GeneratedAt = Shared.AddHours(1), Journal = [],
            Manifest = new CaseManifest("case-1", null, "111122223333", Shared, new Actor("responder", "host"), "0.0.0"),
            Verification = new CaseVerification([], 0, 0, 0, ""),
            Resources =
            [
                new AttackerResource
                {
                    Id = "ram:shared-resource-share:ap-northeast-1:" + Arn, Type = ResourceTypes.SharedResourceShare, Region = "ap-northeast-1",
                    ResourceId = Arn, State = "shared", CreatedBy = "access-key:AKIAEXAMPLELEAKED0001", CreatedAt = Shared,
                    Attributes = new JsonObject { ["sharedWith"] = new JsonArray("999988887777"), ["resources"] = new JsonArray(Subnet) },
                },
            ],
        };
        var context = new ReportContext(facts, new ReportOptions { Language = lang });
        var table = Assert.Single(DataDoorsBlock.Build(context).OfType<Table>());
        return Assert.Single(table.Rows);
    }

    [Fact]
    public void The_share_is_named_with_whom_since_when_and_the_decision_not_to_disassociate()
    {
        var row = Row("en");
        Assert.Equal(Arn, row[0]);
        Assert.Equal("999988887777", row[3]);
        Assert.Equal("2026-11-28 02:43:00 UTC", row[4]);
        Assert.StartsWith("not closed: Shodo reports RAM shares and does not disassociate them", row[5]);
        Assert.Contains(Subnet, row[5]);
        Assert.Contains($"aws ram disassociate-resource-share --region ap-northeast-1 --resource-share-arn {Arn} --principals 999988887777", row[5]);
    }

    [Fact]
    public void In_Japanese_the_same_decision_under_japanese_words()
    {
        var row = Row("ja");
        Assert.Equal("999988887777", row[3]);
        Assert.StartsWith("未閉鎖: Shodo は RAM の共有を報告し、関連付けの解除は行いません", row[5]);
        Assert.Contains($"--resource-share-arn {Arn} --principals 999988887777", row[5]);
    }
}
