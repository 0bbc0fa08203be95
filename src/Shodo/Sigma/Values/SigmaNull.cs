using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary><c>null</c> (or an empty YAML value): matches a field that is missing or JSON null.</summary>
public sealed record SigmaNull : SigmaValue
{
    public static SigmaNull Instance { get; } = new();

    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context) =>
        values.Count == 0 || values.Any(v => v.IsNull);

    public override string ToString() => "null";
}
