using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// CloudTrail's requestParameters and responseElements for EC2 calls, in the shape CloudTrail
/// writes them: the XML response as JSON with <c>item</c> lists as <c>{"items": [...]}</c>,
/// user data and private key material replaced by <c>&lt;sensitiveDataRemoved&gt;</c>.
/// </summary>
public static class Ec2TrailElements
{
    private const string Removed = "<sensitiveDataRemoved>";
    private static readonly HashSet<string> Sensitive = ["userData", "keyMaterial"];

    public static JsonObject ResponseElements(string requestId, IEnumerable<XElement> elements)
    {
        var json = new JsonObject { ["requestId"] = requestId };
        foreach (var e in elements) json[e.Name.LocalName] = Node(e);
        return json;
    }

    private static JsonNode? Node(XElement e)
    {
        if (Sensitive.Contains(e.Name.LocalName)) return Removed;
        if (!e.HasElements) return e.Parent?.Name.LocalName is not null && e.Name.LocalName.EndsWith("Set", StringComparison.Ordinal) && e.Value.Length == 0
            ? new JsonObject() : Scalar(e.Value);
        if (e.Elements().All(c => c.Name.LocalName == "item"))
            return new JsonObject { ["items"] = new JsonArray(e.Elements().Select(Node).ToArray()) };
        var obj = new JsonObject();
        foreach (var c in e.Elements()) obj[c.Name.LocalName] = Node(c);
        return obj;
    }

    private static JsonNode Scalar(string value) =>
        value is "true" or "false" ? JsonValue.Create(value == "true")
        : value.Length is > 0 and < 10 && value.All(char.IsAsciiDigit) && (value == "0" || value[0] != '0')
            ? JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture))
            : JsonValue.Create(value);

    /// <summary>
    /// The request as nested JSON with lowerCamel names; instance id lists as CloudTrail's
    /// <c>instancesSet.items[].instanceId</c>; RunInstances' image and counts inside instancesSet.
    /// </summary>
    public static JsonObject RequestParameters(string operation, Ec2Params p)
    {
        var json = new JsonObject();
        foreach (var (key, value) in p.All.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (key is "Action" or "Version" || key.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase)) continue;
            if (operation == "RunInstances" && key is "ImageId" or "MinCount" or "MaxCount" or "KeyName") continue;
            if (key.StartsWith("InstanceId.", StringComparison.Ordinal)) continue;
            Put(json, key.Split('.'), value);
        }
        var ids = p.List("InstanceId");
        if (ids.Count > 0)
            json["instancesSet"] = new JsonObject
            {
                ["items"] = new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["instanceId"] = id }).ToArray()),
            };
        if (operation == "RunInstances")
        {
            var item = new JsonObject();
            foreach (var (name, key) in new[] { ("imageId", "ImageId"), ("minCount", "MinCount"), ("maxCount", "MaxCount"), ("keyName", "KeyName") })
                if (p.Get(key) is { } v) item[name] = Scalar(v);
            json["instancesSet"] = new JsonObject { ["items"] = new JsonArray(item) };
        }
        return json;
    }

    private static void Put(JsonObject json, string[] path, string value)
    {
        JsonNode node = json;
        for (var i = 0; i < path.Length; i++)
        {
            var last = i == path.Length - 1;
            var segment = path[i];
            if (node is JsonObject obj)
            {
                var name = char.ToLowerInvariant(segment[0]) + segment[1..];
                if (last) { obj[name] = Sensitive.Contains(name) ? Removed : Scalar(value); return; }
                var nextIsIndex = path[i + 1].All(char.IsAsciiDigit);
                node = obj[name] ??= nextIsIndex ? new JsonArray() : new JsonObject();
            }
            else if (node is JsonArray array)
            {
                var index = int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture) - 1;
                while (array.Count <= index) array.Add(null);
                if (last) { array[index] = Scalar(value); return; }
                node = array[index] ??= new JsonObject();
            }
        }
    }
}
