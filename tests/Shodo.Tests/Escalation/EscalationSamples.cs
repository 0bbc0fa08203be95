using Shodo.Configuration;
using Shodo.Escalation.Channels;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Tests.Escalation;

/// <summary>Configurations, facts and notices the escalation tests share.</summary>
internal static class EscalationSamples
{
    public const string CaseId = "2026-11-28T1423Z-k3x9q2";
    public const string Account = "123456789012";

    public static EscalationSettings Settings(string yaml, IReadOnlyDictionary<string, string>? env = null) =>
        EscalationConfigReader.Read(ShodoConfiguration.Parse("shodo.yaml", yaml), name => env is not null && env.TryGetValue(name, out var v) ? v : null);

    public static EscalationFacts Facts(string caseId = CaseId) => new()
    {
        CaseId = caseId,
        AccountId = Account,
        AccessKeyId = "AKIAIOSFODNN7EXAMPLE",
        SeenAt = DateTimeOffset.Parse("2026-11-28T14:20:00Z"),
    };

    public static Notice Notice(NoticeEvent @event, string language = "en", Milestone? milestone = null, EscalationFacts? facts = null)
    {
        facts ??= Facts();
        var level = new EscalationLevel(1, "on-call", TimeSpan.Zero, TimeSpan.FromMinutes(5), []);
        var target = new EscalationTarget("Alice", language, []);
        var now = DateTimeOffset.Parse("2026-11-28T14:23:05Z");
        var text = NoticeWriter.Write(@event, milestone, level, language, facts, "CISO", @event == NoticeEvent.Acknowledged ? "Bob" : null, now);
        return new Notice(@event, milestone, level, target, facts, text, now);
    }

    public static ChannelServices Services(HttpClient http, TimeSpan? timeout = null) =>
        new(http, TimeProvider.System, timeout ?? TimeSpan.FromSeconds(5));
}
