using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Notices;

/// <summary>One message to one target on one level, already written in the target's language.</summary>
public sealed record Notice(
    NoticeEvent Event,
    Milestone? Milestone,
    EscalationLevel Level,
    EscalationTarget Target,
    EscalationFacts Facts,
    NoticeText Text,
    DateTimeOffset At);

/// <summary>
/// The words of a notice: a subject line, a one-sentence headline, labelled facts and the plain text
/// (subject, headline and facts together) for channels without structure.
/// </summary>
public sealed record NoticeText(string Subject, string Headline, IReadOnlyList<NoticeFact> Facts, string AckCommand)
{
    public string Plain => string.Join("\n", [Headline, "", .. Facts.Select(f => $"{f.Label}: {f.Value}")]);
}

public sealed record NoticeFact(string Label, string Value);
