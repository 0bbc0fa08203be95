namespace Shodo.Sigma.Values;

/// <summary>A piece of a <see cref="SigmaString"/>: literal text or a wildcard.</summary>
public abstract record StringPart;

/// <summary>Literal text (escapes already removed).</summary>
public sealed record LiteralPart(string Text) : StringPart;

/// <summary><c>*</c>: any run of characters, including none.</summary>
public sealed record AnyCharactersPart : StringPart
{
    public static AnyCharactersPart Instance { get; } = new();
}

/// <summary><c>?</c>: exactly one character.</summary>
public sealed record SingleCharacterPart : StringPart
{
    public static SingleCharacterPart Instance { get; } = new();
}
