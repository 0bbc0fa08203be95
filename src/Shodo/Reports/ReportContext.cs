using Shodo.Reports.Facts;

namespace Shodo.Reports;

/// <summary>What every section needs: the facts, the report's words, clock and money.</summary>
public sealed class ReportContext
{
    public ReportContext(CaseFacts facts, ReportOptions options)
    {
        Facts = facts;
        Options = options;
        Text = ReportText.For(options.Language);
        Clock = new ReportClock(options.EffectiveTimeZone);
        Money = new ReportMoney(facts.Impact?.Cost.Currency ?? "USD", options.Currency, options.Rate);
        Timeline = UnifiedTimeline.Build(facts, Text);
        Current = CurrentState.Of(facts);
    }

    public CaseFacts Facts { get; }
    public ReportOptions Options { get; }
    public ReportText Text { get; }
    public ReportClock Clock { get; }
    public ReportMoney Money { get; }
    /// <summary>Attacker activity and the response on one axis.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; }
    /// <summary>What containment left active, what it avoided and still costs, and whether it may be called contained.</summary>
    public CurrentState Current { get; }

    public string When(DateTimeOffset? time) => Clock.Format(time, Text["Unknown"]);

    /// <summary>A sentence from the evidence in the report's language (its English when the file kept no other).</summary>
    public string Say(IReadOnlyDictionary<string, string>? texts, string english) =>
        Localization.LocalText.In(texts, Text.Culture, english);
}
