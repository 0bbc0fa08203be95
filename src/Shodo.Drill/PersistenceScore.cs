using Shodo.Cases;
using Shodo.Containment;

namespace Shodo.Drill;

/// <summary>
/// Whether the response surfaced the attacker's persistence: of the attacker principals holding credentials (the
/// ground truth's users with a console password or an attacker access key), those whose keys Shodo deactivated or
/// whose deactivation waits for a person's approval (escalated as a strong candidate), from the case journal.
/// </summary>
public static class PersistenceScore
{
    private const string Deactivate = "deactivate-access-keys";

    public static (int Surfaced, int Expected, IReadOnlyList<string> Missed) Score(IReadOnlyList<JournalEntry> journal,
        IReadOnlyCollection<string> persistenceUsers)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in journal.Where(e => e.Kind == ContainmentJournalKinds.Outcome))
            if ((string?)e.Data["actionId"] is { } id && (string?)e.Data["outcome"] is { } outcome) last[id] = outcome;
        var missed = persistenceUsers.Where(u => last.GetValueOrDefault(ActionId(u)) is not (Outcomes.Done or Outcomes.AlreadyDone or Outcomes.PendingApproval))
            .Order(StringComparer.Ordinal).ToList();
        return (persistenceUsers.Count - missed.Count, persistenceUsers.Count, missed);
    }

    private static string ActionId(string user) => $"{Deactivate}/{new ContainmentTarget(TargetKinds.User, user, null).Key}";
}
