using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.Services.Rds;

namespace Shodo.Range.Services.AutoScaling;

/// <summary>
/// DescribeAutoScalingGroups: the region's groups (or the named ones; a name that does not exist is simply not
/// listed, as AWS answers), by name, MaxRecords 1..100 (default 50) with a NextToken after the last name.
/// </summary>
public sealed class DescribeAutoScalingGroups : QueryAction
{
    public override string Name => "DescribeAutoScalingGroups";

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var names = QueryParameters.List(request, "AutoScalingGroupNames", "member");
        if (names.Count > 0)
            call.RequestParameters = new JsonObject { ["autoScalingGroupNames"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()) };
        var max = QueryParameters.Int(request, "MaxRecords") ?? 50;
        if (max is < 1 or > 100)
            throw AutoScalingErrors.Validation($"1 validation error detected: Value '{max}' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100");
        var after = request.Param("NextToken") is { Length: > 0 } token ? Decode(token) : null;
        var groups = call.State.AutoScaling(call.Region).Groups.Values
            .Where(g => names.Count == 0 || names.Contains(g.Name))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Where(g => after is null || string.CompareOrdinal(g.Name, after) > 0)
            .Take(max + 1).ToList();
        string? next = null;
        if (groups.Count > max)
        {
            groups.RemoveAt(max);
            next = Convert.ToBase64String(Encoding.UTF8.GetBytes(groups[^1].Name));
        }
        var list = new XElement("AutoScalingGroups", groups.Select(AutoScalingXml.Group));
        return next is null ? new XmlResult(list) : new XmlResult(list, new XElement("NextToken", next));
    }

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new AwsError("InvalidNextToken", "The token provided is not valid.");
        }
    }
}
