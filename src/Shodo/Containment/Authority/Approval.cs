using System.Text.Json.Nodes;
using Shodo.Containment.Record;
using Shodo.Containment.Plan;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Containment.Authority;

/// <summary>
/// Records an approver's approval of a plan (by its SHA-256: an approval covers exactly the plan that
/// was shown), for all its actions or the ones named. Journaled as <c>containment.approved</c>.
/// </summary>
public static class Approval
{
    public static async Task<IReadOnlyList<string>> RecordAsync(ContainmentRecorder recorder, ContainmentPlan plan, string planSha256,
        string givenSha256, string by, IReadOnlyList<string>? actions, AuthorityPolicy policy, CancellationToken ct)
    {
        if (!string.Equals(givenSha256, planSha256, StringComparison.OrdinalIgnoreCase) || recorder.Ledger.PlanSha256 != planSha256)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainApproveWrongPlan", givenSha256, planSha256)));
        if (string.IsNullOrWhiteSpace(by) || !policy.MayApprove(by))
            throw new ShodoException(new Diagnostic(ExitCode.Usage,
                Messages.Get("ContainApproverNotAllowed", by, string.Join(", ", policy.Approvers ?? []))));
        var ids = plan.Actions.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (actions is not null && actions.FirstOrDefault(a => !ids.Contains(a)) is { } unknown)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainUnknownAction", unknown)));
        var data = new JsonObject { ["planSha256"] = planSha256, ["by"] = by };
        if (actions is not null) data["actions"] = new JsonArray(actions.Select(a => (JsonNode?)a).ToArray());
        await recorder.AppendAsync(ContainmentJournalKinds.Approved, data, Messages.Get("ContainApprovedWhy", by), ct).ConfigureAwait(false);
        return actions ?? plan.Actions.Select(a => a.Id).ToList();
    }
}
