using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Containment.Record;

/// <summary>
/// What the case journal says about containment so far: the latest plan, its approvals, and per action
/// its recorded before-state, the changes sent and the last outcome (or roll-back). Built from the
/// journal when a command starts (the ledger is the journal-reading side of containment: plan, apply, verify and
/// approval read it; nothing here knows them) and kept current by <see cref="ContainmentRecorder"/>, so a re-run
/// after a crash knows exactly which steps are on disk.
/// </summary>
public sealed class ContainmentLedger
{
    private readonly object _sync = new();
    private readonly Dictionary<string, JsonObject> _before = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _changes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);
    private readonly List<Approval> _approvals = [];

    public string? PlanSha256 { get; private set; }

    /// <summary>The ledger of <paramref name="case"/> as its journal holds it now.</summary>
    public static ContainmentLedger Read(Case @case)
    {
        var ledger = new ContainmentLedger();
        var path = Path.Combine(@case.Directory, CaseFileNames.Journal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        // Only whole lines: the collection may be appending beside a pursuit, and a line not yet ended is not one of ours.
        foreach (var line in text[..(text.LastIndexOf('\n') + 1)].Split('\n'))
        {
            if (line.Length == 0) continue;
            var entry = JsonNode.Parse(line)!.AsObject();
            ledger.Observe((string)entry["kind"]!, entry["data"]!.AsObject());
        }
        return ledger;
    }

    /// <summary>Applies one journal entry of a containment kind (others are ignored).</summary>
    public void Observe(string kind, JsonObject data)
    {
        lock (_sync)
        {
            var id = (string?)data["actionId"];
            switch (kind)
            {
                case ContainmentJournalKinds.Planned:
                    PlanSha256 = (string?)data["planSha256"];
                    break;
                case ContainmentJournalKinds.Approved:
                    _approvals.Add(new Approval((string)data["planSha256"]!, (string)data["by"]!,
                        data["actions"] is JsonArray a ? a.Select(x => (string)x!).ToList() : null));
                    break;
                case ContainmentJournalKinds.Before when id is not null:
                    _before[id] = data["state"]?.DeepClone().AsObject() ?? new JsonObject();
                    break;
                case ContainmentJournalKinds.Changed when id is not null:
                    _changes[id] = _changes.GetValueOrDefault(id) + 1;
                    break;
                case ContainmentJournalKinds.Outcome when id is not null:
                    _last[id] = (string)data["outcome"]!;
                    break;
                case ContainmentJournalKinds.RolledBack when id is not null:
                    _last[id] = "rolled-back";
                    _before.Remove(id);
                    _changes.Remove(id);
                    break;
            }
        }
    }

    public JsonObject? Before(string actionId) { lock (_sync) return _before.GetValueOrDefault(actionId)?.DeepClone().AsObject(); }
    public int Changes(string actionId) { lock (_sync) return _changes.GetValueOrDefault(actionId); }
    public string? LastOutcome(string actionId) { lock (_sync) return _last.GetValueOrDefault(actionId); }
    public bool IsFinal(string actionId) => LastOutcome(actionId) is { } o && Outcomes.IsFinal(o);

    /// <summary>Action ids whose last outcome is final (done, already done, isolated for decision, skipped).</summary>
    public IReadOnlyList<string> FinalActions()
    {
        lock (_sync) return _last.Where(p => Outcomes.IsFinal(p.Value)).Select(p => p.Key).ToList();
    }

    /// <summary>Who approved this action of this plan, or null.</summary>
    public string? ApprovedBy(string planSha256, string actionId)
    {
        lock (_sync)
            return _approvals.LastOrDefault(a => a.PlanSha256 == planSha256 && (a.Actions is null || a.Actions.Contains(actionId)))?.By;
    }

    private sealed record Approval(string PlanSha256, string By, IReadOnlyList<string>? Actions);
}
