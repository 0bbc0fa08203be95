using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary>A flag after <c>re</c>: <c>i</c>, <c>m</c> or <c>s</c>.</summary>
public abstract class RegexFlagModifier : SigmaModifier
{
    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value is SigmaRegex regex
        ? With(regex)
        : throw new SigmaModifierException($"modifier '{Name}' is a regular-expression flag and must follow 're'");

    protected abstract SigmaRegex With(SigmaRegex regex);
}

/// <summary><c>re|i</c>: case-insensitive.</summary>
public sealed class RegexIgnoreCaseModifier : RegexFlagModifier
{
    public override string Name => "i";
    protected override SigmaRegex With(SigmaRegex regex) => new(regex.Pattern, true, regex.Multiline, regex.DotAll);
}

/// <summary><c>re|m</c>: <c>^</c> and <c>$</c> match at line breaks.</summary>
public sealed class RegexMultilineModifier : RegexFlagModifier
{
    public override string Name => "m";
    protected override SigmaRegex With(SigmaRegex regex) => new(regex.Pattern, regex.IgnoreCase, true, regex.DotAll);
}

/// <summary><c>re|s</c>: <c>.</c> also matches a line break.</summary>
public sealed class RegexDotAllModifier : RegexFlagModifier
{
    public override string Name => "s";
    protected override SigmaRegex With(SigmaRegex regex) => new(regex.Pattern, regex.IgnoreCase, regex.Multiline, true);
}
