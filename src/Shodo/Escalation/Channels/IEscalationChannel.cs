using Shodo.Escalation.Notices;

namespace Shodo.Escalation.Channels;

/// <summary>
/// One way to reach a target (Slack, Teams, webhook, PagerDuty, e-mail). <see cref="SendAsync"/>
/// either delivers the notice or throws <see cref="ChannelFailure"/> whose text holds no secret.
/// </summary>
public interface IEscalationChannel
{
    /// <summary>slack, teams, webhook, pagerduty, email.</summary>
    string Kind { get; }

    /// <summary>The endpoint's host (never its path or query): safe to journal.</summary>
    string Host { get; }

    /// <summary>Whether this channel has anything to send for the event (only PagerDuty closes incidents).</summary>
    bool Carries(NoticeEvent @event) => @event != NoticeEvent.Resolved;

    Task SendAsync(Notice notice, CancellationToken ct);
}

/// <summary>A channel as configured: read from YAML, turned into a working channel once per run.</summary>
public interface IChannelSettings
{
    string Kind { get; }
    string Host { get; }
    IEscalationChannel Create(ChannelServices services);
}

/// <summary>What channels share: one HttpClient, the clock, the per-attempt timeout.</summary>
public sealed record ChannelServices(HttpClient Http, TimeProvider Time, TimeSpan AttemptTimeout);
