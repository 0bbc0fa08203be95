using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.Serving;

/// <summary>A JSON 1.1 body: the input parsed as AWS refuses a malformed one, and a body as CloudTrail records it.</summary>
public static class JsonBody
{
    public static JsonObject Parse(byte[] body)
    {
        if (body.Length == 0) return [];
        try
        {
            return JsonNode.Parse(body) as JsonObject
                   ?? throw new AwsError("SerializationException", "Request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw new AwsError("SerializationException", "Start of structure or map found where not expected.");
        }
    }

    /// <summary>The input or output as CloudTrail records it: the same members, camelCase; null when empty.</summary>
    public static JsonObject? CamelCase(JsonObject? source)
    {
        if (source is null || source.Count == 0) return null;
        return (JsonObject)CamelCaseNode(source)!;
    }

    private static JsonNode? CamelCaseNode(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p =>
            KeyValuePair.Create(char.ToLowerInvariant(p.Key[0]) + p.Key[1..], CamelCaseNode(p.Value)))),
        JsonArray array => new JsonArray(array.Select(CamelCaseNode).ToArray()),
        _ => node?.DeepClone(),
    };
}
