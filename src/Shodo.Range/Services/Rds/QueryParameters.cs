using System.Globalization;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>Reading the Query protocol's flattened lists and structures (Prefix.Member.N...).</summary>
internal static class QueryParameters
{
    /// <summary>Values of a list serialized as <c>Name.Member.1</c>, <c>Name.Member.2</c>... in order.</summary>
    public static List<string> List(AwsRequest request, string name, string member) =>
        Indexed(request, $"{name}.{member}.").Select(i => request.Parameters[$"{name}.{member}.{i}"]).ToList();

    /// <summary>Filters.Filter.N.Name and Filters.Filter.N.Values.Value.M, as name → values.</summary>
    public static Dictionary<string, List<string>> Filters(AwsRequest request)
    {
        var filters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var i in Indexed(request, "Filters.Filter.", suffix: ".Name"))
        {
            var name = request.Parameters[$"Filters.Filter.{i}.Name"];
            filters[name] = List(request, $"Filters.Filter.{i}.Values", "Value");
        }
        return filters;
    }

    public static int? Int(AwsRequest request, string name)
    {
        if (request.Param(name) is not { } text) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value : throw AwsError.InvalidParameterValue($"Invalid value {text} for {name}");
    }

    public static bool? Bool(AwsRequest request, string name) =>
        request.Param(name) is { } text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : null;

    private static IEnumerable<int> Indexed(AwsRequest request, string prefix, string suffix = "") =>
        request.Parameters.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(suffix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..^suffix.Length])
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i > 0).Distinct().Order();
}
