using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Response;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// Where a resumed response starts: the starting point recorded in the journal when none is given
/// (so <c>--resume CASE</c> alone never falls back to triage), the one given when a person confirms a
/// candidate; and which steps run from each.
/// </summary>
public sealed class ResponseStartingPointTests
{
    [Fact]
    public async Task A_resume_without_a_starting_point_takes_the_latest_one_recorded()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        var since = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        await new ResponseRunner([]).RunAsync(Session(@case, new ResponseRequest()), CancellationToken.None);
        await new ResponseRunner([]).RunAsync(Session(@case, new ResponseRequest { AccessKeyId = "AKIACONFIRMED0000001", Since = since }), CancellationToken.None);
        await new ResponseRunner([]).RunAsync(Session(@case, new ResponseRequest()), CancellationToken.None);

        var resumed = ResponseStartingPoint.Recorded(new ResponseRequest { Language = "ja" }, @case.Folder);

        Assert.Equal("AKIACONFIRMED0000001", resumed.AccessKeyId);
        Assert.Equal(since, resumed.Since);
        Assert.Equal("ja", resumed.Language);
        Assert.Equal("AKIAGIVEN00000000002",
            ResponseStartingPoint.Recorded(new ResponseRequest { AccessKeyId = "AKIAGIVEN00000000002" }, @case.Folder).AccessKeyId);
    }

    [Fact]
    public void Without_a_key_or_user_the_response_records_and_triages_and_contains_nothing()
    {
        Assert.Equal(["collect", TriageStep.StepName], ResponseSteps.For(new ResponseRequest()).Select(s => s.Name));
        Assert.Equal([FirstMoveStep.StepName, PursueStep.StepName, "collect", "investigate", ContainStep.StepName, MemberAccountsStep.StepName, "report", WatchStep.StepName],
            ResponseSteps.For(new ResponseRequest { UserName = "dev-tanaka" }).Select(s => s.Name));
    }

    private static ResponseSession Session(Case @case, ResponseRequest request) => new(@case, aws: null!,
        new CallerIdentity("111122223333", "arn:aws:iam::111122223333:user/responder", "AIDA"), ShodoConfiguration.Empty, request,
        TimeProvider.System, SilentResponseProgress.Instance, NoMilestoneNotifier.Instance);
}
