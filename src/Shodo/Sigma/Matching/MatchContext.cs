using System.Text.Json;

namespace Shodo.Sigma.Matching;

/// <summary>The record being matched, with the values of the fields already resolved for it.</summary>
public sealed class MatchContext
{
    private readonly Dictionary<string, List<RecordValue>> _resolved = new(StringComparer.Ordinal);

    public MatchContext(JsonElement record) => Record = record;

    public JsonElement Record { get; }

    /// <summary>The values at <paramref name="path"/> (resolved once per record).</summary>
    public List<RecordValue> Values(FieldPath path)
    {
        if (!_resolved.TryGetValue(path.Name, out var values))
            _resolved[path.Name] = values = path.Resolve(Record);
        return values;
    }
}
