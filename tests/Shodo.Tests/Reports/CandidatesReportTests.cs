using Shodo.Cases;
using Shodo.Investigation.Triage;
using Shodo.Localization;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>
/// A report of a response that started with no key: the candidates triage presented, as candidates
/// (not attackers), with the command that confirms each and the decision to confirm one; hostile text
/// in a sign stays text.
/// </summary>
public sealed class CandidatesReportTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private async Task<string> TriagedCaseAsync()
    {
        using var @case = Case.Open(_folder.Root, new CaseOptions { AccountId = "111122223333", Title = "Suspected compromise" });
        var since = new DateTimeOffset(2026, 11, 27, 21, 0, 0, TimeSpan.Zero);
        var key = CandidateId.Key("AKIAORIGIN0000000001");
        Candidate[] candidates =
        [
            new(key, "dev-tanaka",
            [
                new Sign(SignKinds.NewUserAgent, key, "3 calls with a client the key did not use: <script>alert(1)</script>", since.AddHours(2), ["e1"], ["us-east-1"]),
                new Sign(SignKinds.CreatedCredentials, key, "created user aws-support-svc", since.AddHours(3), ["e2"], [])
                    { Created = [CandidateId.OfUser("aws-support-svc")] },
            ]) { LikelyOrigin = true },
            new(CandidateId.OfUser("aws-support-svc"), "aws-support-svc",
                [new Sign(SignKinds.NewUser, CandidateId.OfUser("aws-support-svc"), LocalText.Of("SignCreatedUser", "aws-support-svc"), since.AddHours(3), [], [])])
            { CreatedBy = [key] },
        ];
        await CandidatesFile.WriteAsync(@case, new TriageResult(candidates, [], 88, since, since.AddDays(1)), since.AddDays(-7), CancellationToken.None);
        return @case.Directory;
    }

    [Fact]
    public async Task The_report_presents_the_candidates_unconfirmed_with_how_to_confirm_the_first()
    {
        var dir = await TriagedCaseAsync();
        var id = Path.GetFileName(dir);

        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));

        Assert.Contains("## Candidates: signs of compromise, not yet confirmed", md);
        Assert.Contains("access-key AKIAORIGIN0000000001 (dev-tanaka)", md);
        Assert.Contains("likely origin", md);
        Assert.Contains($"Confirm which of the 2 candidates is compromised, then continue the response: shodo respond --resume {id} --access-key-id AKIAORIGIN0000000001", md);
        Assert.Contains($"shodo respond --resume {id} --user-name aws-support-svc", md);

        var ja = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "ja"));
        Assert.Contains("## 候補: 侵害の兆候 (未確認)", ja);
        Assert.Contains("発端の可能性", ja);
        Assert.Contains("新しいユーザー: ユーザー aws-support-svc", ja);            // a sign kept in both languages reads in the report's
        Assert.Contains("new-user: user aws-support-svc", md);
        Assert.Contains("認証情報の作成: created user aws-support-svc", ja);       // one written with English only keeps it

        var html = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Html, "en"));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task A_response_from_a_key_has_no_candidates_section()
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));
        Assert.DoesNotContain("Candidates:", md);
        Assert.DoesNotContain("candidates is compromised", md);
    }

    [Theory]
    [InlineData("{\"format\":\"shodo-candidates/1\",\"candidates\":[{\"kind\":\"access-key\"")]   // cut off
    [InlineData("{\"format\":\"shodo-candidates/1\",\"candidates\":7}")]                         // another shape
    public async Task A_candidates_file_that_cannot_be_read_is_named_in_the_report_not_shown_as_no_candidates(string content)
    {
        string dir;
        using (var @case = Case.Open(_folder.Root, new CaseOptions { AccountId = "111122223333", Title = "Suspected compromise" }))
        {
            await @case.Documents.WriteAsync(CandidatesFile.Name, System.Text.Encoding.UTF8.GetBytes(content), TriageJournalKinds.Producer);
            dir = @case.Directory;
        }

        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));
        Assert.Contains("candidates.json is missing or could not be read: what it holds is not in this report.", md);
        var ja = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "ja"));
        Assert.Contains("candidates.json がないか読み取れないため", ja);
    }
}
