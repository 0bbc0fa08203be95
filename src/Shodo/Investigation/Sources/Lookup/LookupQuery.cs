namespace Shodo.Investigation.Sources.Lookup;

/// <summary>What to ask LookupEvents for: one lookup attribute (or every event) in a time window.</summary>
public sealed record LookupQuery(string? AttributeKey, string? AttributeValue, TrailWindow Window)
{
    public static LookupQuery AccessKey(string accessKeyId, TrailWindow window) => new("AccessKeyId", accessKeyId, window);
    public static LookupQuery Everything(TrailWindow window) => new(null, null, window);
    public override string ToString() => AttributeKey is null ? "all events" : $"{AttributeKey}={AttributeValue}";
}
