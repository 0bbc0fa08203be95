using System.Text;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>RDS paging: MaxRecords 20..100 (default 100) and an opaque Marker after the last identifier.</summary>
internal static class RdsPage
{
    public static (List<T> Items, string? Marker) Take<T>(AwsRequest request, IEnumerable<T> ordered, Func<T, string> id)
    {
        var max = QueryParameters.Int(request, "MaxRecords") ?? 100;
        if (max is < 20 or > 100)
            throw AwsError.InvalidParameterValue($"Invalid value {max} for MaxRecords. Must be between 20 and 100");
        var after = request.Param("Marker") is { Length: > 0 } marker ? Decode(marker) : null;
        var remaining = ordered.Where(i => after is null || string.Compare(id(i), after, StringComparison.OrdinalIgnoreCase) > 0);
        var page = remaining.Take(max + 1).ToList();
        if (page.Count <= max) return (page, null);
        page.RemoveAt(max);
        return (page, Convert.ToBase64String(Encoding.UTF8.GetBytes(id(page[^1]))));
    }

    /// <summary>A Describe result: the list element, then the Marker when there are more.</summary>
    public static XmlResult Result(System.Xml.Linq.XElement list, string? marker) =>
        marker is null ? new XmlResult(list) : new XmlResult(new System.Xml.Linq.XElement("Marker", marker), list);

    private static string Decode(string marker)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(marker));
        }
        catch (FormatException)
        {
            throw AwsError.InvalidParameterValue("Invalid Marker");
        }
    }
}
