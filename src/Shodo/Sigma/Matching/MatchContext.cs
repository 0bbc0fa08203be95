using System.Text.Json;

namespace Shodo.Sigma.Matching;

/// <summary>
/// The record being matched, with the values of the fields already resolved for it, so that many
/// rules evaluated on one record resolve each field (and read each string) once.
/// </summary>
public sealed class MatchContext
{
    private readonly Dictionary<string, List<RecordValue>> _resolved = new(StringComparer.Ordinal);
    private List<RecordValue>? _leaves;

    public MatchContext(JsonElement record) => Record = record;

    public JsonElement Record { get; private set; }

    /// <summary>Starts over with another record (reuses the cache's memory).</summary>
    public void Reset(JsonElement record)
    {
        Record = record;
        _resolved.Clear();
        _leaves = null;
    }

    /// <summary>The values at <paramref name="path"/> (resolved once per record).</summary>
    public List<RecordValue> Values(FieldPath path)
    {
        if (!_resolved.TryGetValue(path.Name, out var values))
            _resolved[path.Name] = values = path.Resolve(Record);
        return values;
    }

    /// <summary>Every string, number and boolean anywhere in the record (for keywords).</summary>
    public List<RecordValue> Leaves()
    {
        if (_leaves is null)
        {
            _leaves = [];
            Collect(Record, _leaves);
        }
        return _leaves;
    }

    private static void Collect(JsonElement node, List<RecordValue> leaves)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject()) Collect(property.Value, leaves);
                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray()) Collect(item, leaves);
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                leaves.Add(new RecordValue(node));
                break;
        }
    }
}
