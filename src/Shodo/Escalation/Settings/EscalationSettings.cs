using Shodo.Escalation.Channels;

namespace Shodo.Escalation.Settings;

/// <summary>
/// The escalation chain from the <c>escalation:</c> section of the configuration: levels notified one
/// after another until someone acknowledges. <see cref="Secrets"/> holds every secret the section
/// resolved, so escalation can scrub them from anything it writes.
/// </summary>
public sealed record EscalationSettings(IReadOnlyList<EscalationLevel> Levels, string? DecidedBy, SecretValues Secrets)
{
    public static EscalationSettings None { get; } = new([], null, new SecretValues());

    public bool IsEmpty => Levels.Count == 0;
}

/// <summary>
/// One level of the chain (on-call, manager, security, legal): first notified <see cref="After"/>
/// the start of escalation if nobody has acknowledged by then, and reminded every <see cref="Repeat"/>.
/// </summary>
public sealed record EscalationLevel(int Number, string Name, TimeSpan After, TimeSpan Repeat, IReadOnlyList<EscalationTarget> Targets);

/// <summary>A person or team on a level, reading messages in <see cref="Language"/> (en|ja) on every channel listed.</summary>
public sealed record EscalationTarget(string Name, string Language, IReadOnlyList<IChannelSettings> Channels);
