using Shodo.Sigma.Modifiers;

namespace Shodo.Sigma;

/// <summary>What loading rules may need from the configuration.</summary>
public sealed record SigmaLoadOptions
{
    public static SigmaLoadOptions Default { get; } = new();

    /// <summary>Values for the <c>expand</c> modifier's <c>%placeholder%</c>s.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    internal ModifierContext ModifierContext => new() { Placeholders = Placeholders };
}
