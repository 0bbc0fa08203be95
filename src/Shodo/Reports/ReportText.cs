using System.Globalization;
using Shodo.Localization;

namespace Shodo.Reports;

/// <summary>
/// The report's own words (headings, labels, sentences) in the report's language, from
/// Messages.resx / Messages.ja.resx (keys <c>Report*</c>) — independent of the process's UI culture.
/// </summary>
public sealed class ReportText(CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;
    public bool Japanese => Culture.TwoLetterISOLanguageName == "ja";

    public static ReportText For(string language) => new(LocalText.CultureOf(language));

    public string this[string key] => Get(key);

    public string Get(string key, params object?[] args)
    {
        var text = Messages.Resources.GetString("Report" + key, Culture)
                   ?? throw new KeyNotFoundException($"No message 'Report{key}' in Messages.resx");
        return args.Length == 0 ? text : string.Format(Culture, text, args);
    }

    /// <summary>The translated word for an enum-like value (severity, outcome, verdict), or the value itself.</summary>
    public string Word(string group, string value)
    {
        var key = "Report" + group + string.Concat(value.Split('-', '_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return Messages.Resources.GetString(key, Culture) ?? value;
    }
}
