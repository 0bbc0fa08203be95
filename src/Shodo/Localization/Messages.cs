using System.Globalization;
using System.Resources;

namespace Shodo.Localization;

/// <summary>
/// Localised user-facing text from <c>Resources/Messages.resx</c> (English) and
/// <c>Resources/Messages.ja.resx</c> (Japanese), chosen by <see cref="CultureInfo.CurrentUICulture"/>.
/// Every key exists in both files (a test walks them).
/// </summary>
public static class Messages
{
    public static ResourceManager Resources { get; } =
        new("Shodo.Resources.Messages", typeof(Messages).Assembly);

    /// <summary>The text for <paramref name="key"/>, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args) => In(CultureInfo.CurrentUICulture, key, args);

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>, whatever the current one.</summary>
    public static string In(CultureInfo culture, string key, params object?[] args)
    {
        var text = Resources.GetString(key, culture)
                   ?? throw new KeyNotFoundException($"No message '{key}' in Messages.resx");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
