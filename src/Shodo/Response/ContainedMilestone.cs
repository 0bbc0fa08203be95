using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Evidence;

namespace Shodo.Response;

/// <summary>
/// Which milestone the end of containment is: <see cref="Milestone.Contained"/> only when every action's after-state
/// holds, nothing waits for a person (an instance isolated for a decision still runs and bills) and the investigation
/// read every source; <see cref="Milestone.PartlyContained"/> when verification holds but something still runs, waits,
/// or could not be seen; otherwise <see cref="Milestone.NotContained"/>.
/// </summary>
public static class ContainedMilestone
{
    public static Escalation.Notices.Milestone For(ApplyResult result, CaseFolder folder)
    {
        if (!result.Contained) return Escalation.Notices.Milestone.NotContained;
        var waiting = result.Actions.Any(a => a.Outcome is Outcomes.NeedsDecision or Outcomes.PendingApproval);
        return waiting || !SightComplete(folder) ? Escalation.Notices.Milestone.PartlyContained : Escalation.Notices.Milestone.Contained;
    }

    /// <summary>The investigation wrote its coverage and found no gap (no coverage: not known to be complete).</summary>
    public static bool SightComplete(CaseFolder folder)
    {
        try { return CoverageFile.Read(folder)?.Investigation?.Complete == true; }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            return false; // coverage that cannot be read is not known to be complete: partly contained, and the report names the file
        }
    }
}
