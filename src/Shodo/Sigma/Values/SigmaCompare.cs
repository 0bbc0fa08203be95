using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

public enum CompareOperator { LessThan, LessThanOrEqual, GreaterThan, GreaterThanOrEqual }

/// <summary>The <c>lt</c>, <c>lte</c>, <c>gt</c>, <c>gte</c> modifiers: a numeric comparison with the field.</summary>
public sealed record SigmaCompare(CompareOperator Operator, decimal Value) : SigmaValue
{
    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context) =>
        Any(values, t => SigmaNumber.TryParse(t, out var n) && Operator switch
        {
            CompareOperator.LessThan => n < Value,
            CompareOperator.LessThanOrEqual => n <= Value,
            CompareOperator.GreaterThan => n > Value,
            _ => n >= Value,
        });

    public override string ToString() => $"{Operator} {Value}";
}
