using System.Text.Json;
using Shodo.Sigma.Matching;

namespace Shodo.Sigma;

/// <summary>
/// Evaluates many rules on a stream of records, fast: rules are indexed by the <c>eventName</c>
/// values they can match (rules that do not pin the name are evaluated on every record), and one
/// record's fields are resolved once for all rules. Not thread-safe: use one matcher per thread
/// (they are cheap; the rules themselves are immutable and shared).
/// </summary>
public sealed class SigmaMatcher
{
    private readonly Dictionary<string, SigmaRule[]> _byName;
    private readonly SigmaRule[] _unindexed;
    private readonly SigmaRule[] _all;
    private readonly MatchContext _context = new(default);

    public SigmaMatcher(IEnumerable<SigmaRule> rules)
    {
        _all = rules.ToArray();
        var names = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var unindexed = new List<int>();
        for (var i = 0; i < _all.Length; i++)
        {
            var possible = EventNameIndex.PossibleNames(_all[i]);
            if (possible is null) { unindexed.Add(i); continue; }
            foreach (var name in possible)
            {
                if (!names.TryGetValue(name, out var list)) names[name] = list = [];
                list.Add(i);
            }
        }
        _unindexed = unindexed.Select(i => _all[i]).ToArray();
        _byName = names.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Concat(unindexed).Order().Select(i => _all[i]).ToArray(),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<SigmaRule> Rules => _all;

    /// <summary>The rules that match <paramref name="record"/>, in the order the rules were given.</summary>
    public List<SigmaRule> Match(JsonElement record)
    {
        var matched = new List<SigmaRule>();
        Match(record, matched);
        return matched;
    }

    /// <summary>Adds the rules that match <paramref name="record"/> to <paramref name="matched"/>; returns how many.</summary>
    public int Match(JsonElement record, List<SigmaRule> matched)
    {
        _context.Reset(record);
        var candidates = Candidates(record);
        var count = 0;
        foreach (var rule in candidates)
        {
            if (!rule.Matches(_context)) continue;
            matched.Add(rule);
            count++;
        }
        return count;
    }

    private SigmaRule[] Candidates(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object
            || !record.TryGetProperty(EventNameIndex.Field, out var name)
            || name.ValueKind != JsonValueKind.String)
            return _all;
        return _byName.TryGetValue(name.GetString()!, out var rules) ? rules : _unindexed;
    }
}
