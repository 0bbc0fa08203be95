using System.Text.Json;

namespace Shodo.Sigma.Matching;

/// <summary>
/// A Sigma field name as a path into a nested JSON record: <c>requestParameters.userName</c>.
/// Resolution crosses arrays (every element is tried: <c>a.items.id</c> finds the id of any item),
/// prefers a property whose own name contains the dots (<c>a.b</c> as one key beats <c>a</c> → <c>b</c>;
/// both are tried), and yields a final array both element by element and as a whole (so it can be
/// matched by its serialised JSON, as can an object). Property names are case-sensitive, as in CloudTrail.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    // _keys[i][j]: segments i..i+j joined with dots (the key tried at depth i spanning j+1 segments).
    private readonly string[][] _keys;

    public FieldPath(string name)
    {
        Name = name;
        var segments = name.Split('.');
        Segments = segments;
        _keys = new string[segments.Length][];
        for (var i = 0; i < segments.Length; i++)
        {
            _keys[i] = new string[segments.Length - i];
            for (var j = 0; j < segments.Length - i; j++)
                _keys[i][j] = string.Join('.', segments, i, j + 1);
        }
    }

    /// <summary>The field name as written in the rule.</summary>
    public string Name { get; }

    /// <summary>The name split at dots.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Every value at this path in <paramref name="record"/>; empty when the field is missing.</summary>
    public List<RecordValue> Resolve(JsonElement record)
    {
        var found = new List<RecordValue>(1);
        Walk(record, 0, found);
        return found;
    }

    private void Walk(JsonElement node, int index, List<RecordValue> found)
    {
        if (index == _keys.Length)
        {
            if (node.ValueKind == JsonValueKind.Array)
                foreach (var item in node.EnumerateArray()) found.Add(new RecordValue(item));
            found.Add(new RecordValue(node));
            return;
        }
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Walk(item, index, found);
                return;
            case JsonValueKind.Object:
                var keys = _keys[index];
                for (var span = keys.Length - 1; span >= 0; span--)
                    if (node.TryGetProperty(keys[span], out var child)) Walk(child, index + span + 1, found);
                return;
        }
    }

    public bool Equals(FieldPath? other) => other is not null && other.Name == Name;
    public override bool Equals(object? obj) => Equals(obj as FieldPath);
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Name;
}
