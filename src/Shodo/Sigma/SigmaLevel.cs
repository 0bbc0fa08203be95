namespace Shodo.Sigma;

/// <summary>A rule's <c>level:</c>.</summary>
public enum SigmaLevel { Informational, Low, Medium, High, Critical }

public static class SigmaLevelExtensions
{
    /// <summary>The level as written in rules: <c>informational</c>, <c>low</c>, ...</summary>
    public static string ToSigmaText(this SigmaLevel level) => level.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out SigmaLevel level) =>
        Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level);
}
