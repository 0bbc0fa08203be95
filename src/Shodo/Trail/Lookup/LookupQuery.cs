namespace Shodo.Trail.Lookup;

/// <summary>What to ask LookupEvents for: one lookup attribute (or every event) in a time window.</summary>
public sealed record LookupQuery(string? AttributeKey, string? AttributeValue, TrailWindow Window)
{
    public static LookupQuery AccessKey(string accessKeyId, TrailWindow window) => new("AccessKeyId", accessKeyId, window);
    public static LookupQuery EventName(string eventName, TrailWindow window) => new("EventName", eventName, window);
    public static LookupQuery Everything(TrailWindow window) => new(null, null, window);

    /// <summary>The call that asks for it, <paramref name="maxResults"/> events a page.</summary>
    public LookupEvents Call(int maxResults = 50) => new(
        AttributeKey is null ? null : new LookupAttribute(AttributeKey, AttributeValue ?? ""), Window.Since, Window.Until, maxResults);

    public override string ToString() => AttributeKey is null ? "all events" : $"{AttributeKey}={AttributeValue}";
}
