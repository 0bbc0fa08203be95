namespace Shodo.Response;

/// <summary>The journal kinds <c>shodo respond</c> writes around its steps; resume reads them.</summary>
public static class ResponseJournalKinds
{
    /// <summary>{startingPoint: {accessKeyId?, userName?, since?}, resumed}</summary>
    public const string Started = "respond.started";
    /// <summary>{step}</summary>
    public const string StepStarted = "respond.step.started";
    /// <summary>
    /// {step, outcome: done|incomplete|failed|stopped, detail, resumable?, reason?}: reason {exitCode, code?, service?,
    /// operation?, message} when the step gave up on an error (the error then ends the response).
    /// </summary>
    public const string StepFinished = "respond.step.finished";
    /// <summary>{step}: Ctrl+C stopped the response inside this step; --resume runs it again.</summary>
    public const string Interrupted = "respond.interrupted";
    /// <summary>{outcome, contained, pending}</summary>
    public const string Finished = "respond.finished";
}
