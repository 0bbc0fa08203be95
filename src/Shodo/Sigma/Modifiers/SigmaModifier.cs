using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary>
/// A value modifier (<c>field|contains|all</c>). Each is one class registered in
/// <see cref="SigmaModifierRegistry"/>. Modifiers are applied left to right to every value of the
/// detection item; a modifier that does not apply to a value's type throws
/// <see cref="SigmaModifierException"/>, which the loader reports with the rule's file and line.
/// </summary>
public abstract class SigmaModifier
{
    /// <summary>The name as written after <c>|</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Transforms one value.</summary>
    public virtual SigmaValue Apply(SigmaValue value, ModifierContext context) => value;

    /// <summary>Changes how the item combines its values (the <c>all</c> modifier).</summary>
    public virtual void Configure(DetectionItemOptions options) { }

    /// <summary>Applies <paramref name="transform"/> to a string value, to each alternative of an
    /// expansion, and to a number or boolean taken as its text.</summary>
    protected SigmaValue MapStrings(SigmaValue value, Func<SigmaString, SigmaValue> transform) => value switch
    {
        SigmaString s => transform(s),
        SigmaExpansion e => new SigmaExpansion(e.Alternatives.Select(a => MapStrings(a, transform)).ToList()),
        SigmaNumber n => transform(SigmaString.FromLiteral(n.Text)),
        SigmaBool b => transform(SigmaString.FromLiteral(b.ToString())),
        _ => throw Unsupported(value),
    };

    protected SigmaModifierException Unsupported(SigmaValue value) =>
        new($"modifier '{Name}' cannot be applied to {Describe(value)}");

    private static string Describe(SigmaValue value) => value switch
    {
        SigmaNull => "null",
        SigmaString s => $"the string '{s.Original}'",
        SigmaRegex => "a regular expression",
        SigmaCidr => "a CIDR network",
        SigmaExists => "an exists test",
        SigmaFieldRef => "a field reference",
        SigmaCompare => "a comparison",
        _ => value.ToString(),
    };
}

/// <summary>How a detection item combines its values.</summary>
public sealed class DetectionItemOptions
{
    /// <summary>Every value must match (the <c>all</c> modifier), instead of any.</summary>
    public bool MatchAll { get; set; }
}

/// <summary>What modifiers may need from the configuration: the <c>expand</c> placeholders.</summary>
public sealed class ModifierContext
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>A modifier that cannot be applied to a value.</summary>
public sealed class SigmaModifierException(string message) : Exception(message);
