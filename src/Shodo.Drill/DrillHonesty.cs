using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Reports;

namespace Shodo.Drill;

/// <summary>Scores the report's honesty: report.json rendered from the case, its statements checked by <see cref="FalseStatements"/>.</summary>
public static class DrillHonesty
{
    public static async Task<DrillScorecard> ScoreAsync(DrillScorecard card, CaseFolder folder, DrillTruth truth, RangeFinalState final,
        CancellationToken ct)
    {
        var json = JsonNode.Parse(await ReportBuilder.RenderAsync(folder, ReportFormat.Json, new ReportOptions { Language = "en" }, ct)
            .ConfigureAwait(false))!;
        var wrong = FalseStatements.Check(json, truth, final, card.MissedIds);
        return card with { FalseStatements = wrong.Count, FalseStatementDetail = wrong };
    }
}
