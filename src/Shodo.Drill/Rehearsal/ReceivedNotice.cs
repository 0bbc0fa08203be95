using System.Text.Json.Nodes;

namespace Shodo.Drill.Rehearsal;

/// <summary>One request the rehearsal receiver took: the path it came to, its headers and body, when it arrived.</summary>
public sealed record ReceivedNotice(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
{
    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try { return JsonNode.Parse(Body); }
            catch (System.Text.Json.JsonException) { return null; }
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
