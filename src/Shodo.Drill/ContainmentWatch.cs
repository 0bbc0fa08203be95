using Shodo.Range;
using Shodo.Response;
using Shodo.Response.Steps;

namespace Shodo.Drill;

/// <summary>Passes progress through and notes the adversary's successes (by operation and key) when containment was verified.</summary>
internal sealed class ContainmentWatch(IResponseProgress inner, RangeHost range) : IResponseProgress
{
    public IReadOnlyDictionary<string, long>? SuccessesByOperation { get; private set; }
    public void StepStarted(string step) => inner.StepStarted(step);
    public void Note(string step, string message) => inner.Note(step, message);
    public void Planned(IReadOnlyList<string> steps) => inner.Planned(steps);
    public void Region(string step, RegionProgress region) => inner.Region(step, region);
    public void Waiting(WaitingItem item) => inner.Waiting(item);
    public void WaitingCleared(string id) => inner.WaitingCleared(id);

    public void StepFinished(string step, StepResult result)
    {
        if (step == ContainStep.StepName && result.Outcome == StepOutcome.Done)
        {
            SuccessesByOperation = range.Adversary?.Status.Successes;
        }
        // In an organisation the response is contained once every other account it entered is too (issue 21).
        if (step == MemberAccountsStep.StepName && SuccessesByOperation is not null && result.Outcome == StepOutcome.Done
            && result.Detail != Localization.Messages.Get("AccountsNone"))
            SuccessesByOperation = range.Adversary?.Status.Successes;
        inner.StepFinished(step, result);
    }
}
