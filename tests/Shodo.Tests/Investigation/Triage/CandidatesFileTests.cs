using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Sources;
using Shodo.Investigation.Triage;
using Shodo.Localization;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Investigation.Triage;

/// <summary>candidates.json is a typed document: what triage wrote is what the drill, the CLI and the reports read back.</summary>
public sealed class CandidatesFileTests
{
    [Fact]
    public async Task The_written_candidates_read_back_as_records_with_their_signs_in_both_languages_and_the_confirm_command()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        var since = new DateTimeOffset(2026, 11, 27, 21, 0, 0, TimeSpan.Zero);
        var key = CandidateId.Key("AKIAORIGIN0000000001");
        var user = CandidateId.OfUser("aws-support-svc");
        Candidate[] candidates =
        [
            new(key, "dev-tanaka",
            [
                new Sign(SignKinds.CreatedCredentials, key, "created user aws-support-svc", since.AddHours(3), ["e2"], ["us-east-1"]) { Created = [user] },
            ]) { LikelyOrigin = true },
            new(user, "aws-support-svc", [new Sign(SignKinds.NewUser, user, LocalText.Of("SignCreatedUser", "aws-support-svc"), since.AddHours(3), [], [])])
            { CreatedBy = [key] },
        ];
        SourceGap[] gaps = [new("lookup-events", "eu-west-1", "AccessDenied", "AccessDeniedException", "denied")];
        await CandidatesFile.WriteAsync(@case, new TriageResult(candidates, gaps, 88, since, since.AddDays(1)), since.AddDays(-7), CancellationToken.None);

        var read = CandidatesFile.ReadCandidates(@case.Folder)!;
        Assert.Equal(["access-key:AKIAORIGIN0000000001", "user:aws-support-svc"], read.Select(c => $"{c.Kind}:{c.Id}"));
        var origin = read[0];
        Assert.True(origin.LikelyOrigin);
        Assert.Equal("dev-tanaka", origin.UserName);
        Assert.Equal($"shodo respond --resume {@case.Manifest.Id} --access-key-id AKIAORIGIN0000000001", origin.Confirm);
        var sign = Assert.Single(origin.Signs);
        Assert.Equal((SignKinds.CreatedCredentials, "created user aws-support-svc"), (sign.Kind, sign.Summary));
        Assert.Equal(["user:aws-support-svc"], sign.Created);
        Assert.Equal(["us-east-1"], sign.Regions);
        Assert.Equal(["access-key:AKIAORIGIN0000000001"], read[1].CreatedBy);
        Assert.Equal("ユーザー aws-support-svc", Assert.Single(read[1].Signs).Summaries!["ja"]);

        var json = JsonNode.Parse(@case.Folder.Read(CandidatesFile.Name)!)!.AsObject();
        Assert.Equal(CandidatesFile.Format, (string)json["format"]!);
        Assert.Equal(88, (int)json["recordsRead"]!);
        Assert.Equal("AccessDeniedException", (string)json["gaps"]![0]!["code"]!);
        Assert.Equal(3, json["cannotTell"]!.AsArray().Count);
        Assert.True(json["candidates"]![1]!.AsObject().ContainsKey("confirm"));
    }

    [Fact]
    public void A_case_triage_did_not_run_in_has_no_candidates()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        Assert.Null(CandidatesFile.ReadCandidates(@case.Folder));
    }
}
