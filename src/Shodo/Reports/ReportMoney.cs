using System.Globalization;

namespace Shodo.Reports;

/// <summary>
/// Amounts as the reader reads them: in the configured currency when a rate converts to it (yen
/// without decimals), with the original dollars beside; otherwise in the estimate's own currency.
/// </summary>
public sealed class ReportMoney(string sourceCurrency, string? currency, decimal? rate)
{
    public bool Converts => currency is not null && rate is not null && currency != sourceCurrency;
    public string Currency => Converts ? currency! : sourceCurrency;

    public string Format(decimal? amount, string unknown = "—")
    {
        if (amount is not { } a) return unknown;
        var source = Plain(a, sourceCurrency);
        return Converts ? $"{Plain(a * rate!.Value, currency!)} ({source})" : source;
    }

    /// <summary>The amount in the reader's currency, for machine formats.</summary>
    public decimal Convert(decimal amount) => Converts ? decimal.Round(amount * rate!.Value, 2) : amount;

    private static string Plain(decimal amount, string code) => code switch
    {
        "JPY" => "¥" + decimal.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture),
        "USD" => "US$" + amount.ToString("N2", CultureInfo.InvariantCulture),
        "EUR" => "€" + amount.ToString("N2", CultureInfo.InvariantCulture),
        _ => amount.ToString("N2", CultureInfo.InvariantCulture) + " " + code,
    };
}
