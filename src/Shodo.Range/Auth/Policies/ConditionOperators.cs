using System.Globalization;
using System.Net;

namespace Shodo.Range.Auth.Policies;

/// <summary>
/// IAM condition operators: String*, Date*, Numeric*, Bool, Arn*, IpAddress, Null, with the
/// IfExists suffix and the ForAnyValue/ForAllValues set prefixes. A missing key makes a condition
/// false, except for negated operators and IfExists (true), as IAM documents.
/// </summary>
public static class ConditionOperators
{
    public static bool Holds(PolicyCondition condition, RequestContext context)
    {
        var op = condition.Operator;
        var forAll = op.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase);
        var forAny = op.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase);
        if (forAll || forAny) op = op[(op.IndexOf(':') + 1)..];
        var ifExists = op.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase);
        if (ifExists) op = op[..^"IfExists".Length];

        context.Keys.TryGetValue(condition.Key, out var present);
        if (op.Equals("Null", StringComparison.OrdinalIgnoreCase))
        {
            var wantsNull = condition.Values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
            return wantsNull == (present is null || present.Count == 0);
        }
        var negated = op.Contains("Not", StringComparison.Ordinal);
        if (present is null || present.Count == 0)
            return forAll || ifExists || negated;

        bool MatchesOne(string actual) => condition.Values.Any(expected => Compare(op.Replace("Not", ""), actual, expected));
        if (forAll) return present.All(a => negated ? !MatchesOne(a) : MatchesOne(a));
        return negated ? !present.Any(MatchesOne) : present.Any(MatchesOne);
    }

    private static bool Compare(string op, string actual, string expected) => op switch
    {
        "StringEquals" => actual == expected,
        "StringEqualsIgnoreCase" => actual.Equals(expected, StringComparison.OrdinalIgnoreCase),
        "StringLike" => Wildcard.Matches(expected, actual, ignoreCase: false),
        "ArnEquals" or "ArnLike" => Wildcard.Matches(expected, actual, ignoreCase: false),
        "Bool" => actual.Equals(expected, StringComparison.OrdinalIgnoreCase),
        "DateEquals" => Date(actual) == Date(expected),
        "DateLessThan" => Date(actual) < Date(expected),
        "DateLessThanEquals" => Date(actual) <= Date(expected),
        "DateGreaterThan" => Date(actual) > Date(expected),
        "DateGreaterThanEquals" => Date(actual) >= Date(expected),
        "NumericEquals" => Number(actual) == Number(expected),
        "NumericLessThan" => Number(actual) < Number(expected),
        "NumericLessThanEquals" => Number(actual) <= Number(expected),
        "NumericGreaterThan" => Number(actual) > Number(expected),
        "NumericGreaterThanEquals" => Number(actual) >= Number(expected),
        "IpAddress" => InRange(actual, expected),
        _ => false,
    };

    /// <summary>ISO 8601 or epoch seconds, as IAM accepts.</summary>
    public static DateTimeOffset? Date(string value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;
    }

    private static decimal? Number(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool InRange(string actual, string cidr)
    {
        if (!IPAddress.TryParse(actual, out var address)) return false;
        return IPNetwork.TryParse(cidr.Contains('/') ? cidr : cidr + (cidr.Contains(':') ? "/128" : "/32"), out var net)
            && net.Contains(address);
    }
}
