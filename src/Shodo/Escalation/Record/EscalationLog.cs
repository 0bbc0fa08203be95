namespace Shodo.Escalation.Record;

/// <summary>Who was told, how, when, and who acknowledged — from the escalation.* journal entries.</summary>
public sealed record EscalationLog(
    IReadOnlyList<EscalationMessage> Sent,
    IReadOnlyList<EscalationMessage> Failed,
    EscalationAcknowledgement? Acknowledged)
{
    public static EscalationLog None { get; } = new([], [], null);
}

/// <summary>One message to one person or channel (sent, or failed with <see cref="Error"/>).</summary>
public sealed record EscalationMessage(DateTimeOffset Time, string? Level, string? Target, string? Channel, int? Attempt, string? Error);

public sealed record EscalationAcknowledgement(DateTimeOffset Time, string? By, string? Via);
