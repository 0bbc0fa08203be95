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
}

/// <summary>How a step ended: Done, Incomplete (finished with gaps: the response goes on), Failed (it stops), Stopped (a person must act).</summary>
public enum StepOutcome { Done, Incomplete, Failed, Stopped }

public sealed record StepResult(StepOutcome Outcome, string Detail)
{
    public static StepResult Done(string detail) => new(StepOutcome.Done, detail);
}
