namespace Shodo.Response;

/// <summary>
/// What a live display (or a log) is told while a response runs. Calls come from many threads.
/// The structured calls (<see cref="Region"/>, <see cref="Waiting"/>, <see cref="WaitingCleared"/>)
/// have empty defaults, so a progress that only shows lines keeps working.
/// </summary>
public interface IResponseProgress
{
    void StepStarted(string step);
    void StepFinished(string step, StepResult result);
    /// <summary>A line worth showing: a notification went out, an action needs approval, a file was written.</summary>
    void Note(string step, string message);

    /// <summary>The steps this response will run, in order (triage runs other steps than a response from a key).</summary>
    void Planned(IReadOnlyList<string> steps) { }

    /// <summary>A region's work in <paramref name="step"/> changed (started, advanced, finished); the latest state replaces earlier ones.</summary>
    void Region(string step, RegionProgress region) { }

    /// <summary>The response waits for someone; a later call with the same <see cref="WaitingItem.Id"/> updates it.</summary>
    void Waiting(WaitingItem item) { }

    /// <summary>The wait <paramref name="id"/> is over (acknowledged, approved, decided).</summary>
    void WaitingCleared(string id) { }
}

public sealed class SilentResponseProgress : IResponseProgress
{
    public static readonly SilentResponseProgress Instance = new();
    public void StepStarted(string step) { }
    public void StepFinished(string step, StepResult result) { }
    public void Note(string step, string message) { }
}
