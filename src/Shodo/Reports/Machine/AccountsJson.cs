using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;

namespace Shodo.Reports.Machine;

/// <summary>
/// report.json's other accounts of the organisation (issue 21), as the report's part per account says them: each account,
/// why it was entered (given, in the organisation, reached by the attacker), entered or the gap (AWS's code and answer),
/// how its response ended, what its investigation confirmed and what its containment did there, its sub-case and the
/// journal head the parent's chain anchors. Empty when the response entered no other account.
/// </summary>
public static class AccountsJson
{
    public static JsonArray Build(ReportContext r) => new(r.Facts.MemberAccounts.Select(a =>
    {
        var o = a.Outcome;
        return (JsonNode)new JsonObject
        {
            ["accountId"] = o.AccountId,
            ["why"] = new JsonArray(o.Why.Select(w => (JsonNode)w!).ToArray()),
            ["roleArn"] = o.RoleArn,
            ["entered"] = o.Entered,
            ["gap"] = o.Gap ? new JsonObject { ["code"] = o.Code, ["message"] = o.Message ?? o.Detail } : null,
            ["case"] = o.Case,
            ["outcome"] = o.Outcome,
            ["contained"] = o.Contained,
            ["detail"] = o.Detail,
            ["identities"] = InvestigationFiles.ToNode(a.Identities),
            ["resources"] = InvestigationFiles.ToNode(a.Resources),
            ["containment"] = new JsonArray(a.Actions.Select(x => (JsonNode)new JsonObject
            {
                ["actionId"] = x.ActionId, ["target"] = x.Target, ["operation"] = x.Operation, ["outcome"] = x.Outcome,
                ["outcomeAt"] = x.OutcomeAt is { } t ? CaseTime.Format(t) : null, ["rolledBack"] = x.RolledBack,
            }).ToArray()),
            ["sessionsLeftToScp"] = new JsonArray(o.SessionsLeftToScp.Select(k => (JsonNode)k!).ToArray()),
            ["journal"] = o.JournalSeq is { } seq ? new JsonObject { ["seq"] = seq, ["head"] = o.JournalHead } : null,
        };
    }).ToArray());
}
