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

    /// <summary>Lists whose CloudTrail set name is irregular: parameter → (set name, item member).</summary>
    private static readonly Dictionary<string, (string Set, string Item)> ListNames = new(StringComparer.Ordinal)
    {
        ["InstanceId"] = ("instancesSet", "instanceId"),
        ["ResourceId"] = ("resourcesSet", "resourceId"),
        ["SecurityGroupId"] = ("groupSet", "groupId"),
        ["GroupId"] = ("groupSet", "groupId"),
        ["SecurityGroup"] = ("groupSet", "groupName"),
        ["KeyName"] = ("keySet", "keyName"),
        ["Add"] = ("add", "item"),
        ["Remove"] = ("remove", "item"),
    };

    /// <summary>
    /// The request as CloudTrail writes EC2 requestParameters: lowerCamel names, each list as
    /// <c>{"xSet": {"items": [...]}}</c> (<c>InstanceId.N</c> → <c>instancesSet.items[].instanceId</c>,
    /// <c>Filter.N</c> → <c>filterSet.items[].name/valueSet</c>), RunInstances' image and counts in
    /// instancesSet, user data removed.
    /// </summary>
    public static JsonObject RequestParameters(string operation, Ec2Params p)
    {
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in p.All)
        {
            if (key is "Action" or "Version" || key.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase)) continue;
            if (operation == "RunInstances" && key is "ImageId" or "MinCount" or "MaxCount" or "KeyName") continue;
            Insert(tree, key.Split('.'), value);
        }
        var json = Render(tree);
        if (operation == "RunInstances")
        {
            var item = new JsonObject();
            foreach (var (name, key) in new[] { ("imageId", "ImageId"), ("minCount", "MinCount"), ("maxCount", "MaxCount"), ("keyName", "KeyName") })
                if (p.Get(key) is { } v) item[name] = Scalar(v);
            json["instancesSet"] = new JsonObject { ["items"] = new JsonArray(item) };
        }
        return json;
    }

    /// <summary>Builds a tree: names map to subtrees, numeric segments to list positions (sorted).</summary>
    private static void Insert(SortedDictionary<string, object> node, string[] path, string value)
    {
        for (var i = 0; i < path.Length; i++)
        {
            var segment = path[i].All(char.IsAsciiDigit) ? path[i].PadLeft(10, '0') : path[i];
            if (i == path.Length - 1) { node[segment] = value; return; }
            if (!node.TryGetValue(segment, out var child) || child is not SortedDictionary<string, object> next)
                node[segment] = next = new SortedDictionary<string, object>(StringComparer.Ordinal);
            node = next;
        }
    }

    private static JsonObject Render(SortedDictionary<string, object> node)
    {
        var json = new JsonObject();
        foreach (var (name, child) in node)
        {
            var camel = char.ToLowerInvariant(name[0]) + name[1..];
            if (child is string leaf) { json[camel] = Sensitive.Contains(camel) ? Removed : Scalar(leaf); continue; }
            var sub = (SortedDictionary<string, object>)child;
            if (sub.Count > 0 && sub.Keys.All(k => k.All(char.IsAsciiDigit)))
            {
                var (set, item) = ListNames.TryGetValue(name, out var irregular) ? irregular : (camel + "Set", camel);
                json[set] = new JsonObject
                {
                    ["items"] = new JsonArray(sub.Values.Select(v => (JsonNode)(v is string s
                        ? new JsonObject { [item] = Sensitive.Contains(item) ? Removed : Scalar(s) }
                        : Render((SortedDictionary<string, object>)v))).ToArray()),
                };
            }
            else json[camel] = Render(sub);
        }
        return json;
    }
}
