using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Cases;
using Shodo.Containment.Record;
using Shodo.Investigation.Model;
using Shodo.Reports;
using Shodo.Reports.Document;
using Shodo.Reports.Facts;
using Shodo.Reports.Renderers;
using Shodo.Reports.Sections;

namespace Shodo.Tests.Reports;

/// <summary>
/// A KMS grant the attacker created for another account is named among the doors to the data, in English and Japanese:
/// the key, the grantee, since when, the grant and its operations, and the decision — not revoked with the command a person
/// would run, or revoked (when) as the approved destructive step; a hostile grantee stays inert in Markdown and HTML.
/// </summary>
public sealed class KmsGrantReportTests
{
    private const string Key = "0c6e3f8a-5b2d-4e71-9a4f-7d2b1c8e6f30";
    private const string KeyArn = "arn:aws:kms:ap-northeast-1:111122223333:key/" + Key;
    private const string GrantId = "5f2c0e1b9a7d4c3e8f6a2b1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";
    private static readonly DateTimeOffset Granted = new(2026, 11, 28, 2, 40, 0, TimeSpan.Zero);

    private static ReportContext Context(string lang, string grantee = "arn:aws:iam::444455556666:root", params RecordedAction[] actions) =>
        new(new CaseFacts
        {
            CaseDirectory = "/nonexistent", GeneratedAt = Granted.AddHours(1), Journal = [],
            Manifest = new CaseManifest("case-1", null, "111122223333", Granted, new Actor("responder", "host"), "0.0.0"),
            Verification = new CaseVerification([], 0, 0, 0, ""),
            Containment = new ContainmentFacts(actions, null, null, null),
            Resources =
            [
                new AttackerResource
                {
                    Id = $"kms:outside-grant:ap-northeast-1:{Key}/{GrantId}", Type = ResourceTypes.OutsideKmsGrant, Region = "ap-northeast-1",
                    ResourceId = $"{Key}/{GrantId}", State = "granted", CreatedBy = "access-key:AKIAEXAMPLELEAKED0001", CreatedAt = Granted,
                    Attributes = new JsonObject
                    {
                        ["keyId"] = Key, ["keyArn"] = KeyArn, ["grantId"] = GrantId, ["sharedWith"] = new JsonArray("444455556666"),
                        ["granteePrincipal"] = grantee, ["operations"] = new JsonArray("Decrypt", "CreateGrant"), ["openNow"] = true,
                    },
                },
            ],
        }, new ReportOptions { Language = lang });

    private static IReadOnlyList<string> Row(ReportContext context) =>
        Assert.Single(Assert.Single(DataDoorsBlock.Build(context).OfType<Table>()).Rows);

    [Fact]
    public void The_grant_is_named_with_its_key_grantee_since_when_operations_and_the_command_that_revokes_it()
    {
        var row = Row(Context("en"));
        Assert.Equal((KeyArn, "kms:outside-grant", "arn:aws:iam::444455556666:root", "2026-11-28 02:40:00 UTC"), (row[0], row[1], row[3], row[4]));
        Assert.StartsWith("not revoked: a revoked grant cannot be re-created identically", row[5]);
        Assert.Contains("operations: Decrypt, CreateGrant", row[5]);
        Assert.Contains($"aws kms revoke-grant --region ap-northeast-1 --key-id {Key} --grant-id {GrantId}", row[5]);
    }

    [Fact]
    public void In_Japanese_the_same_decision_under_japanese_words()
    {
        var row = Row(Context("ja"));
        Assert.Equal(KeyArn, row[0]);
        Assert.StartsWith("未取り消し: 取り消したグラントは同じものを作り直せない", row[5]);
        Assert.Contains($"--key-id {Key} --grant-id {GrantId}", row[5]);
    }

    [Fact]
    public void A_revoked_grant_says_when_and_that_it_was_the_approved_destructive_step_and_a_waiting_one_says_why()
    {
        var target = $"kms-grant:ap-northeast-1:{Key}/{GrantId}";
        var revoked = new RecordedAction
        {
            ActionId = "revoke-kms-grant/" + target, Target = target, Outcome = "done", OutcomeAt = Granted.AddHours(2),
        };
        var waiting = new RecordedAction
        {
            ActionId = "revoke-kms-grant/" + target, Target = target, Outcome = "pending-approval", Reason = "waiting for shodo approve",
        };

        Assert.Equal($"revoked 2026-11-28 04:40:00 UTC (grant {GrantId}; operations: Decrypt, CreateGrant), the approved destructive step: a revoked grant cannot be re-created identically",
            Row(Context("en", actions: revoked))[5]);
        Assert.StartsWith("2026-11-28 13:40:00 JST に取り消し", Row(Context("ja", actions: revoked))[5]);
        Assert.StartsWith("not revoked: ", Row(Context("en", actions: waiting))[5]);
        Assert.Contains("waiting for shodo approve", Row(Context("en", actions: waiting))[5]);
    }

    [Fact]
    public void A_hostile_grantee_stays_text_in_markdown_and_html()
    {
        var context = Context("en", "arn:aws:iam::444455556666:user/<script>alert(1)</script>|[x](http://evil.example)");
        var doc = new ReportDocument("en", "t", [], [new ReportSection("doors", "Doors", DataDoorsBlock.Build(context).ToList())]);

        var md = MarkdownReport.Render(doc);
        var html = HtmlReport.Render(doc, "test");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotMatch(new Regex(@"(?<!\\)<script"), md);
        Assert.DoesNotMatch(new Regex(@"(?<!\\)\]\("), md);
        var row = md.Split('\n').Single(l => l.Contains("kms:outside-grant", StringComparison.Ordinal) || l.Contains(@"kms\:outside-grant", StringComparison.Ordinal));
        var header = md.Split('\n').First(l => l.StartsWith('|'));
        Assert.Equal(Regex.Matches(header, @"(?<!\\)\|").Count, Regex.Matches(row, @"(?<!\\)\|").Count);
    }
}
