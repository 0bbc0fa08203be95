namespace Shodo.Sigma.Modifiers;

/// <summary>Every modifier the engine knows, by name. A new modifier is one class plus one line here.</summary>
public static class SigmaModifierRegistry
{
    private static readonly Dictionary<string, SigmaModifier> Modifiers = new(StringComparer.Ordinal);

    static SigmaModifierRegistry()
    {
        Register(new ContainsModifier());
        Register(new StartsWithModifier());
        Register(new EndsWithModifier());
        Register(new AllModifier());
        Register(new RegexModifier());
        Register(new RegexIgnoreCaseModifier());
        Register(new RegexMultilineModifier());
        Register(new RegexDotAllModifier());
        Register(new CidrModifier());
        Register(new ExistsModifier());
        Register(new FieldRefModifier());
        Register(new Base64Modifier());
        Register(new Base64OffsetModifier());
        Register(new WindowsDashModifier());
        Register(new CasedModifier());
        Register(new CompareModifier("lt", Values.CompareOperator.LessThan));
        Register(new CompareModifier("lte", Values.CompareOperator.LessThanOrEqual));
        Register(new CompareModifier("gt", Values.CompareOperator.GreaterThan));
        Register(new CompareModifier("gte", Values.CompareOperator.GreaterThanOrEqual));
        Register(new ExpandModifier());
    }

    public static IReadOnlyCollection<string> Names => Modifiers.Keys;

    public static void Register(SigmaModifier modifier) => Modifiers[modifier.Name] = modifier;

    public static bool TryGet(string name, out SigmaModifier modifier) =>
        Modifiers.TryGetValue(name, out modifier!);
}
