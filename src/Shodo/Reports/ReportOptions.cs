namespace Shodo.Reports;

/// <summary>How a report is written: language, the reader's time zone and currency, and where Chromium is for PDF.</summary>
public sealed record ReportOptions
{
    /// <summary>en or ja.</summary>
    public string Language { get; init; } = "en";
    /// <summary>Times are shown in this zone; default UTC for English and Asia/Tokyo for Japanese.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
    /// <summary>The currency to show costs in (ISO 4217), when a <see cref="Rate"/> converts to it.</summary>
    public string? Currency { get; init; }
    /// <summary>Units of <see cref="Currency"/> per US dollar.</summary>
    public decimal? Rate { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>Headless Chromium for --format pdf (default: $SHODO_CHROMIUM, else /usr/bin/chromium).</summary>
    public string? ChromiumPath { get; init; }
    public TimeSpan PrintTimeout { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Also copy the report here (outside the case).</summary>
    public string? OutPath { get; init; }

    public TimeZoneInfo EffectiveTimeZone => TimeZone
        ?? (Language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? TokyoTime : TimeZoneInfo.Utc);

    public static TimeZoneInfo TokyoTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
}
