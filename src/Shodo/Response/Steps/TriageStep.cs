using Shodo.Escalation.Notices;
using Shodo.Investigation;
using Shodo.Investigation.Triage;
using Shodo.Localization;

namespace Shodo.Response.Steps;

/// <summary>
/// With no key or user to start from: looks for the playbook's signs (<see cref="TriageRunner"/>) and
/// presents the candidates — begun beside the collection (<see cref="TriageBeside"/>) and presented as soon as they are
/// ranked; this step, after the collection, takes that result (or, on a resume after a finished snapshot, triages now).
/// It contains nothing: the step stops so that a person confirms a candidate with
/// <c>shodo respond --resume CASE --access-key-id …</c>, which goes on from the recorded state.
/// The report (with the candidates) is written before the step stops, for whoever decides.
/// </summary>
public sealed class TriageStep : IResponseStep
{
    public const string StepName = "triage";

    public string Name => StepName;

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        // Begun beside the collection and presented already; else (a resume after a finished snapshot) triaged now.
        // The whole snapshot, now in the case, is checked for signs the targeted reads could not show.
        TriageResult result;
        var presented = false;
        if (TriageBeside.Take(session) is { } beside)
        {
            var (early, runner) = await beside.ConfigureAwait(false);
            var updated = await runner.ReconcileAsync(ct).ConfigureAwait(false);
            presented = updated is null;
            result = updated ?? early;
        }
        else
            result = await new TriageRunner(session.Aws, session.Case, new TriageOptions { Since = session.Request.Since, Time = session.Time },
                session.Responder).RunAsync(new InvestigateRegions(session.Progress, Name), ct).ConfigureAwait(false);
        var caseId = session.Case.Manifest.Id;
        await ReportStep.WriteAsync(session, Name, ct).ConfigureAwait(false); // the hand-over, with the candidates, before anyone confirms
        if (!presented) await PresentAsync(session, result, ct).ConfigureAwait(false);
        if (result.Candidates.Count == 0)
        {
            var none = Messages.Get("TriageNoCandidates", result.RecordsRead, result.Since.ToString("u"));
            return new StepResult(result.Complete ? StepOutcome.Done : StepOutcome.Incomplete, none);
        }
        var first = result.Candidates.FirstOrDefault(c => c.ConfirmArguments is not null);
        var confirm = first is null ? Messages.Get("TriageConfirmNone") : $"shodo respond --resume {caseId} {first.ConfirmArguments}";
        return new StepResult(StepOutcome.Stopped, Messages.Get("TriageStopped", Summary(result), confirm));
    }

    /// <summary>Lists the candidates and tells the escalation chain they were found: as soon as they are ranked.</summary>
    public static async Task PresentAsync(ResponseSession session, TriageResult result, CancellationToken ct)
    {
        foreach (var c in result.Candidates)
            session.Progress.Note(StepName, Messages.Get("TriageCandidateLine", c.Id.Kind, c.Id.Id, c.Strength, c.SignKindCount,
                string.Join(", ", c.Signs.Select(s => s.Kind).Distinct(StringComparer.Ordinal))));
        if (result.Candidates.Count > 0)
            await session.Milestones.NotifyAsync(Milestone.CandidatesFound, Summary(result), ct).ConfigureAwait(false);
    }

    private static string Summary(TriageResult result) => Messages.Get("TriageFound", result.Candidates.Count,
        result.Candidates.Count(c => c.Strength == "strong"),
        string.Join("; ", result.Candidates.Take(3).Select(c => $"{c.Id.Id} ({string.Join(", ", c.Signs.Select(s => s.Kind).Distinct(StringComparer.Ordinal))})")));
}
