namespace Shodo.Range.State.Ec2;

public sealed record Tag(string Key, string Value);

/// <summary>The tags of every EC2 resource in a region, by resource id, in the order they were set.</summary>
public sealed class TagStore
{
    public Dictionary<string, List<Tag>> ByResource { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Tag> Of(string resourceId) =>
        ByResource.TryGetValue(resourceId, out var tags) ? tags : [];

    public string? Value(string resourceId, string key) => Of(resourceId).FirstOrDefault(t => t.Key == key)?.Value;

    public void Set(string resourceId, IEnumerable<Tag> tags)
    {
        if (!ByResource.TryGetValue(resourceId, out var list)) ByResource[resourceId] = list = [];
        foreach (var tag in tags)
        {
            var at = list.FindIndex(t => t.Key == tag.Key);
            if (at >= 0) list[at] = tag; else list.Add(tag);
        }
    }

    /// <summary>Removes a tag by key, or only when its value matches when <paramref name="value"/> is given.</summary>
    public void Remove(string resourceId, string key, string? value)
    {
        if (ByResource.TryGetValue(resourceId, out var list))
            list.RemoveAll(t => t.Key == key && (value is null || t.Value == value));
    }

    public void RemoveAll(string resourceId) => ByResource.Remove(resourceId);
}
