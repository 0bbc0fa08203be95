using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Diagnostics;
using Shodo.Response;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// <c>shodo respond --resume</c>: steps that finished done in an earlier run of the case are not run
/// again; a step that ended incomplete, failed or was interrupted runs again, and every step after it;
/// every start and end is in the journal. The steps here are small recording steps; the runner needs no
/// AWS for them.
/// </summary>
public sealed class ResponseRunnerTests
{
    private sealed class Step(string name, Func<int, StepOutcome> outcome) : IResponseStep
    {
        public int Runs { get; private set; }
        public string Name => name;

        public Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
        {
            Runs++;
            return Task.FromResult(new StepResult(outcome(Runs), $"{name} run {Runs}"));
        }
    }

    /// <summary>A step whose nth run answers <c>run(n)</c> (or throws what it throws).</summary>
    private sealed class ScriptedStep(string name, Func<int, StepResult> run) : IResponseStep
    {
        public int Runs { get; private set; }
        public string Name => name;

        public Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct) => Task.FromResult(run(++Runs));
    }

    private static ResponseSession Session(Case @case) => new(@case, aws: null!, new CallerIdentity("111122223333", "arn:aws:iam::111122223333:user/responder", "AIDA"),
        ShodoConfiguration.Empty, new ResponseRequest { AccessKeyId = "AKIAEXAMPLE" }, TimeProvider.System, SilentResponseProgress.Instance,
        NoMilestoneNotifier.Instance);

    [Fact]
    public async Task A_resumed_response_runs_only_what_did_not_finish()
    {
        using var root = new TempFolder();
        var collect = new Step("collect", _ => StepOutcome.Done);
        var investigate = new Step("investigate", run => run == 1 ? StepOutcome.Failed : StepOutcome.Done);
        var report = new Step("report", _ => StepOutcome.Done);
        var runner = new ResponseRunner([collect, investigate, report]);
        string dir;
        using (var @case = Case.Open(root.Path))
        {
            dir = @case.Directory;
            var first = await runner.RunAsync(Session(@case), CancellationToken.None);
            Assert.Equal(StepOutcome.Failed, first.Worst);
            Assert.Equal(0, report.Runs);
        }
        using (var @case = Case.Load(dir))
        {
            var second = await runner.RunAsync(Session(@case), CancellationToken.None);
            Assert.Equal(StepOutcome.Done, second.Worst);
        }
        Assert.Equal((1, 2, 1), (collect.Runs, investigate.Runs, report.Runs));
        var journal = JournalReader.Read(CaseFolder.At(dir));
        Assert.Equal(2, journal.Count(e => e.Kind == ResponseJournalKinds.Started));
        Assert.Equal(["collect", "investigate", "investigate", "report"],
            journal.Where(e => e.Kind == ResponseJournalKinds.StepStarted).Select(e => (string)e.Data["step"]!).ToArray());
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }

    [Fact]
    public async Task A_step_that_ended_incomplete_runs_again_on_resume_and_so_does_every_step_after_it()
    {
        using var root = new TempFolder();
        var collect = new Step("collect", _ => StepOutcome.Done);
        var investigate = new Step("investigate", run => run == 1 ? StepOutcome.Incomplete : StepOutcome.Done);
        var contain = new Step("contain", _ => StepOutcome.Done);
        var report = new Step("report", _ => StepOutcome.Done);
        var runner = new ResponseRunner([collect, investigate, contain, report]);
        string dir;
        using (var @case = Case.Open(root.Path))
        {
            dir = @case.Directory;
            Assert.Equal(StepOutcome.Incomplete, (await runner.RunAsync(Session(@case), CancellationToken.None)).Worst);
        }
        using (var @case = Case.Load(dir))
            Assert.Equal(StepOutcome.Done, (await runner.RunAsync(Session(@case), CancellationToken.None)).Worst);
        using (var @case = Case.Load(dir))
            Assert.Equal(StepOutcome.Done, (await runner.RunAsync(Session(@case), CancellationToken.None)).Worst);

        Assert.Equal((1, 2, 2, 2), (collect.Runs, investigate.Runs, contain.Runs, report.Runs));
        Assert.Equal(["collect", "investigate", "contain", "report", "investigate", "contain", "report"],
            JournalReader.Read(CaseFolder.At(dir)).Where(e => e.Kind == ResponseJournalKinds.StepStarted).Select(e => (string)e.Data["step"]!).ToArray());
    }

    [Fact]
    public async Task A_step_started_again_and_cut_off_is_not_taken_as_done_from_an_earlier_run()
    {
        using var root = new TempFolder();
        using var cts = new CancellationTokenSource();
        var collect = new Step("collect", run => run == 1 ? StepOutcome.Incomplete : StepOutcome.Done);
        var investigate = new Step("investigate", run =>
        {
            if (run == 2) // cut off while running again after collect ran again
            {
                cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
            }
            return StepOutcome.Done;
        });
        var runner = new ResponseRunner([collect, investigate]);
        string dir;
        using (var @case = Case.Open(root.Path))
        {
            dir = @case.Directory;
            await runner.RunAsync(Session(@case), CancellationToken.None);
        }
        using (var @case = Case.Load(dir))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(Session(@case), cts.Token));
        Assert.DoesNotContain("investigate", ResponseRunner.FinishedSteps(CaseFolder.At(dir)).Keys);

        using (var @case = Case.Load(dir))
            await runner.RunAsync(Session(@case), CancellationToken.None);
        Assert.Equal((2, 3), (collect.Runs, investigate.Runs));
    }

    [Fact]
    public async Task A_stopped_step_ends_the_run_and_cancellation_leaves_the_step_to_run_again()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        using var cts = new CancellationTokenSource();
        var plan = new Step("contain", _ => { cts.Cancel(); return StepOutcome.Done; });
        var report = new Step("report", _ => StepOutcome.Done);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ResponseRunner([plan, report]).RunAsync(Session(@case), cts.Token));
        Assert.Equal(0, report.Runs);
        Assert.Contains("contain", ResponseRunner.FinishedSteps(@case.Folder).Keys);
    }

    [Fact]
    public async Task A_step_that_gives_up_on_an_error_is_journaled_as_failed_with_why_and_runs_again_on_resume()
    {
        using var root = new TempFolder();
        var collect = new ScriptedStep("collect", _ => StepResult.Done("recorded"));
        var contain = new ScriptedStep("contain", run => run == 1
            ? throw new AwsServiceError("ec2", "DescribeRegions", "RequestLimitExceeded", "Request limit exceeded.", "req-9", 503)
            : StepResult.Done("contained"));
        var report = new ScriptedStep("report", _ => StepResult.Done("written"));
        var runner = new ResponseRunner([collect, contain, report]);
        string dir;
        using (var @case = Case.Open(root.Path))
        {
            dir = @case.Directory;
            var error = await Assert.ThrowsAsync<AwsServiceError>(() => runner.RunAsync(Session(@case), CancellationToken.None));
            Assert.Equal(ExitCode.Throttled, error.Diagnostic.Code);
        }

        var journal = JournalReader.Read(CaseFolder.At(dir));
        var gaveUp = journal.Single(e => e.Kind == ResponseJournalKinds.StepFinished && (string?)e.Data["step"] == "contain");
        Assert.Equal("failed", (string?)gaveUp.Data["outcome"]);
        Assert.Equal(("RequestLimitExceeded", "ec2", "DescribeRegions", 6, true), ((string?)gaveUp.Data["reason"]!["code"],
            (string?)gaveUp.Data["reason"]!["service"], (string?)gaveUp.Data["reason"]!["operation"], (int?)gaveUp.Data["reason"]!["exitCode"],
            (bool?)gaveUp.Data["reason"]!["retryable"]));
        Assert.Contains("--resume", (string?)gaveUp.Data["detail"]);
        Assert.Equal(ResponseJournalKinds.Finished, journal[^1].Kind);
        Assert.Equal("failed", (string?)journal[^1].Data["outcome"]);
        Assert.DoesNotContain("contain", ResponseRunner.FinishedSteps(CaseFolder.At(dir)).Keys);

        using (var @case = Case.Load(dir))
            Assert.Equal(StepOutcome.Done, (await runner.RunAsync(Session(@case), CancellationToken.None)).Worst);
        Assert.Equal((1, 2, 1), (collect.Runs, contain.Runs, report.Runs));
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }

    [Fact]
    public async Task On_resume_a_step_left_with_gaps_runs_again_and_every_step_after_it_whether_AWS_or_a_person_can_fill_them()
    {
        using var root = new TempFolder();
        var collect = new ScriptedStep("collect", run => new StepResult(run == 1 ? StepOutcome.Incomplete : StepOutcome.Done, "gaps")
            { Resumable = run == 1 });
        // Gaps AWS meant (no data events, access denied) may be filled by a person between two runs: resume tries again.
        var investigate = new ScriptedStep("investigate", _ => new StepResult(StepOutcome.Incomplete, "no data events"));
        var report = new ScriptedStep("report", _ => StepResult.Done("written"));
        var runner = new ResponseRunner([collect, investigate, report]);
        string dir;
        using (var @case = Case.Open(root.Path))
        {
            dir = @case.Directory;
            await runner.RunAsync(Session(@case), CancellationToken.None);
        }
        Assert.Equal(["report"], ResponseRunner.FinishedSteps(CaseFolder.At(dir)).Keys.Order(StringComparer.Ordinal));
        Assert.Contains(JournalReader.Read(CaseFolder.At(dir)), e => e.Kind == ResponseJournalKinds.StepFinished
            && (string?)e.Data["step"] == "collect" && (bool?)e.Data["resumable"] == true);

        using (var @case = Case.Load(dir))
            await runner.RunAsync(Session(@case), CancellationToken.None);
        Assert.Equal((2, 2, 2), (collect.Runs, investigate.Runs, report.Runs));

        using (var @case = Case.Load(dir))
            await runner.RunAsync(Session(@case), CancellationToken.None);
        Assert.Equal((2, 3, 3), (collect.Runs, investigate.Runs, report.Runs));
    }
}
