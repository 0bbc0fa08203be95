using System.Globalization;

namespace Shodo.Localization;

/// <summary>
/// A sentence in every language Shodo writes reports in (English and Japanese), rendered from one
/// message. Evidence files keep every language, so a report in either reads its own whatever language
/// the run that found it spoke; the record's plain property keeps the English for readers that know
/// only that.
/// </summary>
public static class LocalText
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "ja"];

    /// <summary>The message <paramref name="key"/> in each language, keyed by language code.</summary>
    public static IReadOnlyDictionary<string, string> Of(string key, params object?[] args) =>
        Languages.ToDictionary(l => l, l => Messages.In(CultureOf(l), key, args), StringComparer.Ordinal);

    /// <summary>A text per language from <paramref name="render"/>, for sentences built from parts that are themselves messages.</summary>
    public static IReadOnlyDictionary<string, string> Compose(Func<CultureInfo, string> render) =>
        Languages.ToDictionary(l => l, l => render(CultureOf(l)), StringComparer.Ordinal);

    /// <summary>The text in <paramref name="culture"/>'s language, else <paramref name="fallback"/> (files written before the texts were kept).</summary>
    public static string In(IReadOnlyDictionary<string, string>? texts, CultureInfo culture, string fallback) =>
        texts is not null && texts.TryGetValue(LanguageOf(culture), out var text) ? text : fallback;

    /// <summary>The English of <paramref name="texts"/>.</summary>
    public static string English(IReadOnlyDictionary<string, string> texts) => texts["en"];

    /// <summary>The culture Shodo writes <paramref name="language"/> in (ja, ja-JP, ...: Japanese; anything else: English).</summary>
    public static CultureInfo CultureOf(string language) =>
        CultureInfo.GetCultureInfo(language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja-JP" : "en-US");

    /// <summary>The language code (<c>en</c>, <c>ja</c>) Shodo writes for <paramref name="culture"/>.</summary>
    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja" ? "ja" : "en";
}
