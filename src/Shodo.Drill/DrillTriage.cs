using Shodo.Cases;
using Shodo.Investigation.Triage;
using Shodo.Response;

namespace Shodo.Drill;

/// <summary>
/// <c>shodo drill --without-key</c>: the "something is wrong" path. Triage presents its candidates;
/// the drill, standing in for the person on call, confirms the first one that respond can start from,
/// and the response goes on from the recorded state. Scored: where the leaked key ranked, and how many
/// legitimate identities were presented as candidates.
/// </summary>
public sealed record DrillTriage(IReadOnlyList<string> Candidates, string? Confirmed)
{
    /// <summary>The candidates of the case's candidates.json as the investigation's ids (<c>access-key:AKIA…</c>, <c>user:NAME</c>).</summary>
    public static DrillTriage Read(CaseFolder folder)
    {
        var candidates = CandidatesFile.ReadCandidates(folder) ?? [];
        var ids = candidates.Select(c => $"{c.Kind}:{c.Id}").ToList();
        var first = candidates.FirstOrDefault(c => c.Confirm is not null);
        return new DrillTriage(ids, first is null ? null : $"{first.Kind}:{first.Id}");
    }

    /// <summary>The request that confirms the chosen candidate, or null when there is none to confirm.</summary>
    public ResponseRequest? Confirm(ResponseRequest request) => Confirmed?.Split(':', 2) switch
    {
        ["access-key", var key] => request with { AccessKeyId = key },
        ["user", var user] => request with { UserName = user },
        _ => null,
    };

    /// <summary>1-based rank of <paramref name="id"/> among the candidates; null when it is not one.</summary>
    public int? RankOf(string? id) => id is not null && Candidates.ToList().IndexOf(id) is var i and >= 0 ? i + 1 : null;

    /// <summary>Candidates that are not the attacker's: legitimate identities presented for confirmation.</summary>
    public IReadOnlyList<string> FalseCandidates(DrillTruth truth) =>
        Candidates.Where(c => !c.StartsWith("unattributed:", StringComparison.Ordinal) && !truth.AttackerIdentities.Contains(c)).ToList();
}
