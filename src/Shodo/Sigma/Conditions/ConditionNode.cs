namespace Shodo.Sigma.Conditions;

/// <summary>
/// The parsed <c>condition:</c>. Precedence: <c>not</c> over <c>and</c> over <c>or</c>;
/// parentheses group. Search identifiers are checked to exist when the rule loads.
/// </summary>
public abstract record ConditionNode
{
    /// <summary>Evaluates with <paramref name="search"/> telling whether a named search matched.</summary>
    public abstract bool Evaluate(Func<string, bool> search);
}

/// <summary>A search identifier by name (<c>selection</c>).</summary>
public sealed record ConditionIdentifier(string Name) : ConditionNode
{
    public override bool Evaluate(Func<string, bool> search) => search(Name);
    public override string ToString() => Name;
}

/// <summary><c>a and b and ...</c></summary>
public sealed record ConditionAnd(IReadOnlyList<ConditionNode> Operands) : ConditionNode
{
    public override bool Evaluate(Func<string, bool> search) => Operands.All(o => o.Evaluate(search));
    public override string ToString() => "(" + string.Join(" and ", Operands) + ")";
}

/// <summary><c>a or b or ...</c></summary>
public sealed record ConditionOr(IReadOnlyList<ConditionNode> Operands) : ConditionNode
{
    public override bool Evaluate(Func<string, bool> search) => Operands.Any(o => o.Evaluate(search));
    public override string ToString() => "(" + string.Join(" or ", Operands) + ")";
}

/// <summary><c>not a</c></summary>
public sealed record ConditionNot(ConditionNode Operand) : ConditionNode
{
    public override bool Evaluate(Func<string, bool> search) => !Operand.Evaluate(search);
    public override string ToString() => $"not {Operand}";
}

/// <summary>
/// <c>1 of selection*</c>, <c>all of them</c>, <c>N of filter_*</c>: how many of the search
/// identifiers matching <see cref="Pattern"/> (<c>them</c> = every identifier not starting with
/// <c>_</c>) must match. <see cref="Count"/> is null for <c>all</c>. <see cref="Identifiers"/> are
/// the names the pattern resolved to when the rule was loaded.
/// </summary>
public sealed record ConditionSelector(int? Count, string Pattern, IReadOnlyList<string> Identifiers) : ConditionNode
{
    public bool IsAll => Count is null;

    public override bool Evaluate(Func<string, bool> search)
    {
        if (Count is null) return Identifiers.All(search);
        var needed = Count.Value;
        var matched = 0;
        foreach (var name in Identifiers)
            if (search(name) && ++matched >= needed) return true;
        return false;
    }

    public override string ToString() => $"{(Count is null ? "all" : Count.ToString())} of {Pattern}";
}
