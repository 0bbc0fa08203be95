using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Localization;

namespace Shodo.Response.Steps;

/// <summary>
/// What containment leaves to people, as <see cref="WaitingItem"/>s: the actions beyond the responder's
/// authority waiting for an approver (who may approve, per the authority policy), the actions that need
/// a human decision, and a whole plan waiting because nobody could confirm it. An item clears when a
/// later round leaves nothing of its kind.
/// </summary>
internal sealed class ContainWaiting(IResponseProgress progress, TimeProvider time, AuthorityPolicy authority, string caseId)
{
    public const string ApprovalId = "contain:approval";
    public const string DecisionId = "contain:decision";
    public const string PlanId = "contain:plan";

    private readonly Dictionary<string, DateTimeOffset> _since = new(StringComparer.Ordinal);

    public void Applied(ApplyResult result, string planSha256)
    {
        var pending = result.Actions.Where(a => a.Outcome == Outcomes.PendingApproval).ToList();
        Show(ApprovalId, WaitingKind.Approval, Approvers(), pending.Count == 0 ? null : Messages.Get("LiveApprovalWhat", pending.Count,
            Summary(pending.GroupBy(a => a.Action).Select(g => $"{g.Key} ×{g.Count()}")), caseId, planSha256[..12]));
        var decisions = result.Actions.Where(a => a.Outcome == Outcomes.NeedsDecision).ToList();
        Show(DecisionId, WaitingKind.Decision, Messages.Get("LiveWhomDecision"), decisions.Count == 0 ? null
            : Messages.Get("LiveDecisionWhat", decisions.Count, Summary(decisions.Select(a => $"{a.Action} {a.Target.Id}"))));
    }

    public void PlanWaits(string planSha256, int open) =>
        Show(PlanId, WaitingKind.Approval, Messages.Get("LiveWhomPlan", Approvers()), Messages.Get("LivePlanWhat", open, caseId, planSha256[..12]));

    private string Approvers() => authority.Approvers is { Count: > 0 } names
        ? Messages.Get("LiveWhomApprovers", string.Join(", ", names))
        : Messages.Get("LiveWhomAnyApprover");

    private static string Summary(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 3 ? string.Join(", ", list) : string.Join(", ", list.Take(3)) + $", … (+{list.Count - 3})";
    }

    private void Show(string id, WaitingKind kind, string whom, string? what)
    {
        if (what is null)
        {
            if (_since.Remove(id)) progress.WaitingCleared(id);
            return;
        }
        if (!_since.TryGetValue(id, out var since)) _since[id] = since = time.GetUtcNow();
        progress.Waiting(new WaitingItem(id, ContainStep.StepName, kind, whom, what, since));
    }
}
