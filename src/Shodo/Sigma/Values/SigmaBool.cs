using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>A YAML boolean: matches JSON true/false or the strings "true"/"false" (any case).</summary>
public sealed record SigmaBool(bool Value) : SigmaValue
{
    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context) =>
        Any(values, t => string.Equals(t, Value ? "true" : "false", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Value ? "true" : "false";
}
