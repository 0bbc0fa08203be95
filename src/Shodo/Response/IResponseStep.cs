namespace Shodo.Response;

/// <summary>
/// One step of the first response (collect, investigate, plan, apply, report). Steps run in the
/// order of <see cref="ResponseSteps"/>; a step that finished is not run again on resume, so each
/// must leave what later steps need in the case folder (documents, journal), not only in memory.
/// </summary>
public interface IResponseStep
{
    /// <summary>A short name: <c>collect</c>, <c>investigate</c>, ...</summary>
    string Name { get; }

    Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct);

    /// <summary>
    /// Whether later steps read what this one writes (so running it again on resume runs them again too). The first
    /// move writes nothing they read: the whole plan re-reads every target anyway.
    /// </summary>
    bool LaterStepsReadIt => true;
}

/// <summary>How a step ended: Done, Incomplete (finished with gaps: the response goes on), Failed (it stops), Stopped (a person must act).</summary>
public enum StepOutcome { Done, Incomplete, Failed, Stopped }

public sealed record StepResult(StepOutcome Outcome, string Detail)
{
    /// <summary>
    /// Incomplete only because AWS throttled, failed on its side or did not answer after every retry: trying
    /// again later can fill the gaps, so <c>--resume</c> runs the step again (collect retries just its failed calls).
    /// </summary>
    public bool Resumable { get; init; }

    /// <summary>
    /// An earlier step whose outcome this one settles: the watch, having contained what appeared late, settles
    /// <c>contain</c>. The runner records the earlier step again with this outcome (journaled), so the response's
    /// outcome and a resume read where containment stands now, not where it stood before the late events.
    /// </summary>
    public string? Settles { get; init; }

    public static StepResult Done(string detail) => new(StepOutcome.Done, detail);
}
