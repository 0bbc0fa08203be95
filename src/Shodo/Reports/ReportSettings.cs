using System.Globalization;
using Shodo.Configuration;
using Shodo.Localization;
using YamlDotNet.RepresentationModel;

namespace Shodo.Reports;

/// <summary>
/// The <c>report:</c> section of the configuration file:
/// <code>report: { timeZone: Asia/Tokyo, currency: JPY, rate: 150 }</code>
/// (rate: units of the currency per US dollar). Mistakes name the file and line.
/// </summary>
public static class ReportSettings
{
    public const string Section = "report";

    /// <summary>Applies the section to <paramref name="options"/> (unset keys keep the defaults).</summary>
    public static ReportOptions Apply(ShodoConfiguration config, ReportOptions options)
    {
        if (config.Section(Section) is not { } node) return options;
        if (node is not YamlMappingNode map) throw config.Error(node, Messages.Get("ReportConfigNotMapping"));
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            var text = (value as YamlScalarNode)?.Value;
            if (text is null) throw config.Error(value, Messages.Get("ReportConfigBadValue", key));
            options = key switch
            {
                "timeZone" => options with { TimeZone = ZoneOrError(config, value, text) },
                "currency" when text.Length == 3 && text.All(char.IsAsciiLetterUpper) => options with { Currency = text },
                "currency" => throw config.Error(value, Messages.Get("ReportConfigBadCurrency", text)),
                "rate" when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) && rate > 0 =>
                    options with { Rate = rate },
                "rate" => throw config.Error(value, Messages.Get("ReportConfigBadRate", text)),
                _ => throw config.Error(keyNode, Messages.Get("ReportConfigUnknownKey", key)),
            };
        }
        return options;
    }

    private static TimeZoneInfo ZoneOrError(ShodoConfiguration config, YamlNode node, string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw config.Error(node, Messages.Get("ReportConfigBadTimeZone", id));
        }
    }
}
