using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;

namespace Shodo.Containment.Record;

/// <summary>
/// Reads containment.* journal entries into one <see cref="RecordedAction"/> per actionId (the
/// journal is the record; plan.json, when present, only adds descriptions of actions not yet started).
/// </summary>
internal static class ContainmentReader
{
    public static ContainmentFacts Read(IEnumerable<JournalEntry> journal, JsonObject? plan)
    {
        var actions = new Dictionary<string, RecordedAction>(StringComparer.Ordinal);
        var order = new List<string>();
        ContainmentCheck? check = null;
        DateTimeOffset? plannedAt = null;
        ApprovalFacts? approval = null;

        RecordedAction Get(string id)
        {
            if (actions.TryGetValue(id, out var a)) return a;
            order.Add(id);
            return actions[id] = new RecordedAction { ActionId = id };
        }
        void Describe(JsonNode? action)
        {
            if (action is not JsonObject o) return;
            var id = JsonFields.Text(o, "actionId") ?? JsonFields.Text(o, "id");
            if (id is null) return;
            var a = Get(id);
            actions[id] = a with
            {
                Target = a.Target ?? JsonFields.Text(o, "target") ?? JsonFields.Text(o, "resource"),
                Operation = a.Operation ?? JsonFields.Text(o, "operation"),
                Description = a.Description ?? JsonFields.Text(o, "description") ?? JsonFields.Text(o, "summary") ?? JsonFields.Text(o, "title"),
            };
        }

        foreach (var e in journal)
        {
            var id = JsonFields.Text(e.Data, "actionId");
            switch (e.Kind)
            {
                case ContainmentJournalKinds.Planned:
                    plannedAt ??= e.Time;
                    if (e.Data["actions"] is JsonArray planned) foreach (var p in planned) Describe(p);
                    break;
                case ContainmentJournalKinds.Approved:
                    approval = new ApprovalFacts(e.Time, JsonFields.Text(e.Data, "by"));
                    break;
                case ContainmentJournalKinds.Before when id is not null:
                    var b = Get(id);
                    actions[id] = b with
                    {
                        Target = JsonFields.Text(e.Data, "target") ?? b.Target,
                        Before = e.Data["state"]?.DeepClone(), BeforeAt = e.Time,
                    };
                    break;
                case ContainmentJournalKinds.Changed when id is not null:
                    var c = Get(id);
                    actions[id] = c with
                    {
                        Operation = JsonFields.Text(e.Data, "operation") ?? c.Operation, ChangedAt = e.Time,
                        Note = (e.Data["request"] as JsonObject) is { } sent ? JsonFields.Text(sent, "note") ?? c.Note : c.Note,
                    };
                    break;
                case ContainmentJournalKinds.Outcome when id is not null:
                    var o = Get(id);
                    actions[id] = o with
                    {
                        Outcome = JsonFields.Text(e.Data, "outcome"), OutcomeAt = e.Time,
                        After = e.Data["after"]?.DeepClone() ?? o.After, Reason = JsonFields.Text(e.Data, "reason"),
                        Reasons = e.Data["reasons"] is JsonObject texts
                            ? texts.Where(x => x.Value is JsonValue).ToDictionary(x => x.Key, x => (string?)x.Value ?? "", StringComparer.Ordinal) : null,
                    };
                    break;
                case ContainmentJournalKinds.RolledBack when id is not null:
                    actions[id] = Get(id) with { RolledBack = true };
                    break;
                case ContainmentJournalKinds.Verified:
                    check = new ContainmentCheck(e.Time, JsonFields.Boolean(e.Data, "contained") ?? false,
                        JsonFields.Texts(e.Data, "remaining"), JsonFields.Texts(e.Data, "newResources"));
                    break;
            }
        }
        if (plan?["actions"] is JsonArray fromPlan) foreach (var p in fromPlan) Describe(p);
        return new ContainmentFacts(order.Select(id => actions[id]).ToList(), check, plannedAt, approval);
    }
}
