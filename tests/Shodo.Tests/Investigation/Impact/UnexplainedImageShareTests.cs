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

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// An AMI the collected state shows launchable by another account (or public) is reported among the data exposures even
/// when no attacker event explains it — blind mode sees it only this way — as a door open to the outside, not attributed,
/// in English and Japanese (impact.json and the report's table); the attacker's own share stays a door of its own, not
/// reported twice; an image whose permission was not read is public only when DescribeImages says so, else not called
/// shared or unshared.
/// </summary>
public sealed class UnexplainedImageShareTests
{
    private const string Region = "ap-northeast-1", Outside = "999988887777";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 2, 43, 0, TimeSpan.Zero);

    private static ImageFact Image(string id, IReadOnlyList<string>? permissions, bool isPublic = false, string name = "web-backup") =>
        new(Region, id, name, At, "available", isPublic, ["snap-0000000000000e0aa"], "sha") { LaunchPermissions = permissions };

    private static IReadOnlyList<DataExposure> Assess(AccountSnapshot state, params AttackerResource[] resources) =>
        new DataExposureAssessor(state, new ChainResult([], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>())),
            new SourceReach(new HashSet<string>(), null), resources).Assess();

    [Fact]
    public void An_image_launchable_from_outside_or_public_with_no_attacker_event_is_reported_as_an_open_door_not_attributed()
    {
        var state = new AccountSnapshot();
        state.Images.Add(Image("ami-0000000000000e001", [Outside, "all"], isPublic: true));
        state.Images.Add(Image("ami-0000000000000e002", []));
        state.Images.Add(Image("ami-0000000000000e003", null)); // past the bound, not public: unknown
        state.Images.Add(Image("ami-0000000000000e004", null, isPublic: true, name: "customer-pii-db")); // past the bound, public

        var doors = Assess(state).Where(e => e.Kind == "ami").ToDictionary(e => e.Name);
        Assert.Equal(["ami-0000000000000e001", "ami-0000000000000e004"], doors.Keys.Order());
        var door = doors["ami-0000000000000e001"];
        Assert.Equal(Region, door.Region);
        Assert.Equal(["999988887777", "all"], door.SharedWith);
        Assert.Null(door.Reachable);
        Assert.Equal(AccessVerdict.Unknown, door.Accessed);
        Assert.Empty(door.EventIds);
        Assert.Equal(["shared-before-sources"], door.Unknowable);
        Assert.Equal($"Shared with outside account(s) {Outside}, all; the sources do not show who shared it.", door.Explanation);
        Assert.Equal($"外部アカウント {Outside}, all と共有されています。誰が共有したかは記録からはわかりません。", door.Explanations!["ja"]);
        Assert.Equal(["all"], doors["ami-0000000000000e004"].SharedWith);
        Assert.True(doors["ami-0000000000000e004"].PersonalData);
        Assert.False(door.PersonalData);
    }

    [Fact]
    public void The_attackers_own_share_is_not_reported_again_as_unexplained()
    {
        var state = new AccountSnapshot();
        state.Images.Add(Image("ami-0000000000000e001", [Outside]));
        var shared = new AttackerResource
        {
            Id = "r", Type = ResourceTypes.SharedImage, Region = Region, ResourceId = "ami-0000000000000e001",
            Attributes = new JsonObject { ["sharedWith"] = new JsonArray(Outside) }, EventIds = ["e-1"],
        };

        Assert.DoesNotContain(Assess(state, shared), e => e.Kind == "ami");
    }

    [Theory]
    [InlineData("en", $"Shared with outside account(s) {Outside}; the sources do not show who shared it.")]
    [InlineData("ja", $"外部アカウント {Outside} と共有されています。誰が共有したかは記録からはわかりません。")]
    public void The_report_names_the_image_and_who_may_launch_it_in_each_language(string lang, string said)
    {
        var state = new AccountSnapshot();
        state.Images.Add(Image("ami-0000000000000e001", [Outside]));
        var impact = new Impact { Cost = new CostEstimate { PriceTable = "test", AsOf = At }, DataExposure = Assess(state) };
        var written = JsonSerializer.Deserialize<Impact>(JsonSerializer.SerializeToUtf8Bytes(impact, InvestigationFiles.Json), InvestigationFiles.Json)!;
        var facts = new CaseFacts
        {
            CaseDirectory = "/nonexistent", GeneratedAt = At.AddHours(1), Journal = [],
            Manifest = new CaseManifest("case-1", null, "111122223333", At, new Actor("responder", "host"), "0.0.0"),
            Verification = new CaseVerification([], 0, 0, 0, ""), Impact = written,
        };

        var section = ImpactSection.Build(new ReportContext(facts, new ReportOptions { Language = lang }));

        var row = section.Blocks.OfType<Table>().SelectMany(t => t.Rows).Single(r => r[0] == "ami-0000000000000e001");
        Assert.Contains(row, cell => cell.Contains(said, StringComparison.Ordinal));
    }
}
