using System.Text.Json;

namespace Shodo.Sigma.Matching;

/// <summary>
/// A Sigma field name as a path into a nested JSON record: <c>requestParameters.userName</c>.
/// Resolution crosses arrays (every element is tried: <c>a.items.id</c> finds the id of any item),
/// prefers a property whose own name contains the dots (<c>additionalEventData.x-amz-id-2</c> style
/// keys and literal dotted keys both work), and yields a final array both element by element and as
/// a whole (so it can be matched by its serialised JSON, as can an object).
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    public FieldPath(string name)
    {
        Name = name;
        Segments = name.Split('.');
    }

    /// <summary>The field name as written in the rule.</summary>
    public string Name { get; }

    /// <summary>The name split at dots.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Every value at this path in <paramref name="record"/>; empty when the field is missing.</summary>
    public List<RecordValue> Resolve(JsonElement record)
    {
        var found = new List<RecordValue>();
        Walk(record, 0, found);
        return found;
    }

    private void Walk(JsonElement node, int index, List<RecordValue> found)
    {
        if (index == Segments.Count)
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
                // Longest key first: a property named "a.b" beats the path a → b.
                for (var end = Segments.Count; end > index; end--)
                {
                    var key = end == index + 1 ? Segments[index] : string.Join('.', Segments.Skip(index).Take(end - index));
                    if (node.TryGetProperty(key, out var child)) Walk(child, end, found);
                }
                return;
        }
    }

    public bool Equals(FieldPath? other) => other is not null && other.Name == Name;
    public override bool Equals(object? obj) => Equals(obj as FieldPath);
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Name;
}
