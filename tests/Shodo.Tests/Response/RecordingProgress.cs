using System.Collections.Concurrent;
using Shodo.Response;

namespace Shodo.Tests.Response;

/// <summary>An <see cref="IResponseProgress"/> that keeps every call, in order, for the tests to read.</summary>
internal sealed class RecordingProgress : IResponseProgress
{
    public ConcurrentQueue<(string Step, RegionProgress Region)> Regions { get; } = new();
    public ConcurrentQueue<WaitingItem> Waits { get; } = new();
    public ConcurrentQueue<string> Cleared { get; } = new();
    public ConcurrentQueue<(string Step, string Text)> Notes { get; } = new();

    public void StepStarted(string step) { }
    public void StepFinished(string step, StepResult result) { }
    public void Note(string step, string message) => Notes.Enqueue((step, message));
    public void Region(string step, RegionProgress region) => Regions.Enqueue((step, region));
    public void Waiting(WaitingItem item) => Waits.Enqueue(item);
    public void WaitingCleared(string id) => Cleared.Enqueue(id);
}
