using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>
/// The <c>exists</c> modifier: <c>true</c> matches when the field is present with a value that is
/// not JSON null; <c>false</c> when it is missing or null.
/// </summary>
public sealed record SigmaExists(bool Exists) : SigmaValue
{
    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context) =>
        values.Any(v => !v.IsNull) == Exists;

    public override string ToString() => Exists ? "exists" : "not exists";
}
