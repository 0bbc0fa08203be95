using System.Globalization;
using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>A YAML number: matches a JSON number or a string with the same numeric value or text.</summary>
public sealed record SigmaNumber(decimal Value, string Text) : SigmaValue
{
    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context) =>
        Any(values, t => string.Equals(t, Text, StringComparison.OrdinalIgnoreCase)
                         || (TryParse(t, out var n) && n == Value));

    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public override string ToString() => Text;
}
