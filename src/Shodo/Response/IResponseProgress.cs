namespace Shodo.Response;

/// <summary>What a live display (or a log) is told while a response runs. Calls come from many threads.</summary>
public interface IResponseProgress
{
    void StepStarted(string step);
    void StepFinished(string step, StepResult result);
    /// <summary>A line worth showing: a region finished, a notification went out, an action needs approval.</summary>
    void Note(string step, string message);
}

public sealed class SilentResponseProgress : IResponseProgress
{
    public static readonly SilentResponseProgress Instance = new();
    public void StepStarted(string step) { }
    public void StepFinished(string step, StepResult result) { }
    public void Note(string step, string message) { }
}
