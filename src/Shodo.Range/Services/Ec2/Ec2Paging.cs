using System.Globalization;
using System.Text;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Ec2;

/// <summary>MaxResults / NextToken paging: the token is an opaque position in the filtered list.</summary>
public static class Ec2Paging
{
    public static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, int? maxResults,
        string? nextToken, int min = 5, int max = 1000)
    {
        if (maxResults is { } m && (m < min || m > max))
            throw AwsError.InvalidParameterValue(
                $"Value ( {m} ) for parameter maxResults is invalid. Expecting a value between {min} and {max}.");
        var start = nextToken is null ? 0 : Decode(nextToken);
        var size = maxResults ?? items.Count;
        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count < items.Count && maxResults is not null ? Encode(start + page.Count) : null;
        return (page, next);
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("shodo-range:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string token)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("shodo-range:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(12), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return n;
        }
        catch (FormatException) { }
        throw new AwsError("InvalidPaginationToken", "The specified pagination token is not valid or is expired.");
    }
}
