using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment.Record;
using Shodo.Investigation.Model;
using Shodo.Reports;
using Shodo.Reports.Document;
using Shodo.Reports.Facts;
using Shodo.Reports.Sections;

namespace Shodo.Tests.Reports;

/// <summary>
/// The account's Block Public Access the attacker weakened is named among the doors to the data, in English and Japanese: which
/// settings it turned off, since when, the setting now, and — Shodo does not change it — the command that turns them on again
/// while keeping on the ones on now.
/// </summary>
public sealed class WeakenedAccountBlockReportTests
{
    private static readonly DateTimeOffset Weakened = new(2026, 11, 28, 2, 41, 0, TimeSpan.Zero);

    private static ReportContext Context(string lang) =>
        new(new CaseFacts
        {
            CaseDirectory = "/nonexistent", GeneratedAt = Weakened.AddHours(1), Journal = [],
            Manifest = new CaseManifest("case-1", null, "111122223333", Weakened, new Actor("responder", "host"), "0.0.0"),
            Verification = new CaseVerification([], 0, 0, 0, ""),
            Containment = new ContainmentFacts([], null, null, null),
            Resources =
            [
                new AttackerResource
                {
                    Id = $"{ResourceTypes.WeakenedAccountPublicAccessBlock}::111122223333", Type = ResourceTypes.WeakenedAccountPublicAccessBlock,
                    ResourceId = "111122223333", State = "weakened", CreatedBy = "access-key:AKIAEXAMPLELEAKED0001", CreatedAt = Weakened,
                    Attributes = new JsonObject
                    {
                        ["turnedOff"] = new JsonArray("IgnorePublicAcls", "RestrictPublicBuckets"),
                        ["settingNow"] = new JsonObject
                        {
                            ["BlockPublicAcls"] = true, ["IgnorePublicAcls"] = false, ["BlockPublicPolicy"] = true, ["RestrictPublicBuckets"] = false,
                        },
                        ["openNow"] = true,
                    },
                },
            ],
        }, new ReportOptions { Language = lang });

    [Theory]
    [InlineData("en", "2026-11-28 02:41:00 UTC", "IgnorePublicAcls, RestrictPublicBuckets turned off for the account", "reported, not changed by Shodo")]
    [InlineData("ja", "2026-11-28 11:41:00 JST", "アカウントの IgnorePublicAcls, RestrictPublicBuckets がオフにされました", "報告のみで、Shodo は変更していません")]
    public void The_account_is_named_with_the_settings_turned_off_since_when_and_the_command_that_restores_them(
        string lang, string since, string openTo, string decision)
    {
        var row = Assert.Single(Assert.Single(DataDoorsBlock.Build(Context(lang)).OfType<Table>()).Rows);
        Assert.Equal(("111122223333", ResourceTypes.WeakenedAccountPublicAccessBlock, "-", since), (row[0], row[1], row[2], row[4]));
        Assert.Contains(openTo, row[3], StringComparison.Ordinal);
        Assert.StartsWith(decision, row[5], StringComparison.Ordinal);
        Assert.Contains("BlockPublicAcls=true, IgnorePublicAcls=false, BlockPublicPolicy=true, RestrictPublicBuckets=false", row[5], StringComparison.Ordinal);
        Assert.EndsWith("aws s3control put-public-access-block --account-id 111122223333 --public-access-block-configuration "
                        + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", row[5], StringComparison.Ordinal);
    }
}
