using Shodo.Evidence.Snapshot;

namespace Shodo.Investigation.Triage;

/// <summary>
/// Gathers the signs into candidates and orders them for a person to confirm: the likely origin first
/// (created other candidates and was created by none), then by how many kinds of sign point at each,
/// then by when the first sign appeared.
/// </summary>
public static class CandidateRanking
{
    public static IReadOnlyList<Candidate> Rank(IEnumerable<Sign> signs, AccountSnapshot state)
    {
        var byCandidate = signs.GroupBy(s => s.Candidate).ToList();
        var createdBy = byCandidate.SelectMany(g => g.SelectMany(s => s.Created.Select(c => (Created: c, By: g.Key))))
            .Where(x => x.Created != x.By)
            .GroupBy(x => x.Created, x => x.By)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CandidateId>)g.Distinct().ToList());
        var candidates = byCandidate.Select(g =>
        {
            var creators = createdBy.GetValueOrDefault(g.Key) ?? [];
            var createdOthers = g.Any(s => s.Created.Any(c => c != g.Key));
            return new Candidate(g.Key, UserOf(g.Key, state), g.OrderBy(s => s.FirstSeen).ToList())
            {
                CreatedBy = creators,
                LikelyOrigin = creators.Count == 0 && createdOthers,
            };
        });
        return candidates.OrderByDescending(c => c.LikelyOrigin).ThenByDescending(c => c.SignKindCount)
            .ThenBy(c => c.FirstSeen ?? DateTimeOffset.MaxValue).ThenBy(c => c.Id.ToString(), StringComparer.Ordinal).ToList();
    }

    private static string? UserOf(CandidateId id, AccountSnapshot state) => id.Kind switch
    {
        CandidateId.AccessKey => state.AccessKeys.FirstOrDefault(k => k.AccessKeyId == id.Id)?.UserName,
        CandidateId.User => id.Id,
        _ => null,
    };
}
