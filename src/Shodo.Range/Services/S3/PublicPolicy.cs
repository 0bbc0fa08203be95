using System.Text.Json.Nodes;

namespace Shodo.Range.Services.S3;

/// <summary>
/// Whether a bucket policy is public in Block Public Access's sense: an Allow statement for the
/// principal "*" (or AWS "*") without a Condition.
/// </summary>
internal static class PublicPolicy
{
    public static bool IsPublic(JsonObject policy)
    {
        var statements = policy["Statement"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject single => [single],
            _ => [],
        };
        return statements.Any(s => s["Effect"]?.ToString() == "Allow" && s["Condition"] is null && IsEveryone(s["Principal"]));
    }

    private static bool IsEveryone(JsonNode? principal) => principal switch
    {
        JsonValue v => v.ToString() == "*",
        JsonObject o => o["AWS"] switch
        {
            JsonValue v => v.ToString() == "*",
            JsonArray a => a.Any(x => x?.ToString() == "*"),
            _ => false,
        },
        _ => false,
    };
}
