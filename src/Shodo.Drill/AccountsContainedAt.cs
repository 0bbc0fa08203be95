using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Containment;

namespace Shodo.Drill;

/// <summary>
/// How soon each other account Shodo changed something in was contained (issue 21: a member contained as fast as the
/// management account): seconds from the parent case's opening to the entry of the member's sub-case from which its
/// containment held (<see cref="DrillScorecard.ContainedAt"/>) in the member's response (what the watch's looks did later
/// is late events, as in the first account), null when it never held. Accounts Shodo changed nothing in are not listed.
/// </summary>
public static class AccountsContainedAt
{
    public static IReadOnlyDictionary<string, double?> Seconds(CaseFolder folder)
    {
        var opened = JournalReader.Read(folder).FirstOrDefault()?.Time;
        var seconds = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        if (opened is not { } t0) return seconds;
        foreach (var account in MemberAccountsFile.Read(folder).Where(a => a.Entered))
        {
            // The member's response only, up to the head the parent anchored when it ended: the watch's looks come after.
            var journal = JournalReader.Read(MemberAccountsFile.SubCase(folder, account))
                .Where(e => account.JournalSeq is not { } end || e.Seq <= end).ToList();
            if (!journal.Any(e => e.Kind == ContainmentJournalKinds.Changed)) continue;
            seconds[account.AccountId] = DrillScorecard.ContainedAt(journal) is { } seq
                ? Math.Round((journal.First(e => e.Seq == seq).Time - t0).TotalSeconds, 1) : null;
        }
        return seconds;
    }
}
