using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Channels;

/// <summary>
/// PagerDuty Events API v2 (<c>POST https://events.pagerduty.com/v2/enqueue</c>): alerts, reminders
/// and milestones are <c>trigger</c> events with the case id as <c>dedup_key</c> (PagerDuty folds them
/// into one incident and runs its own calls and escalation); a Shodo acknowledgement sends
/// <c>acknowledge</c>; contained-and-acknowledged sends <c>resolve</c>. The Events API cannot be asked
/// whether a responder acknowledged in PagerDuty, so that acknowledgement does not stop Shodo's loop.
/// <code>- kind: pagerduty
///   routing_key_env: SHODO_PD_ROUTING_KEY
///   severity: critical        # critical|error|warning|info
///   endpoint: https://events.pagerduty.com/v2/enqueue   # override for tests and proxies</code>
/// </summary>
public sealed class PagerDutyChannel(PagerDutyChannel.Settings settings, ChannelServices services) : IEscalationChannel
{
    public const string KindName = "pagerduty";
    public static readonly Uri DefaultEndpoint = new("https://events.pagerduty.com/v2/enqueue");
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];

    public sealed record Settings(string RoutingKey, string Severity, Uri Endpoint) : IChannelSettings
    {
        public string Kind => KindName;
        public string Host => Endpoint.Host;
        public IEscalationChannel Create(ChannelServices services) => new PagerDutyChannel(this, services);
    }

    public static IChannelSettings Read(ChannelYaml yaml, ChannelReadContext _)
    {
        var severity = yaml.Optional("severity") ?? "critical";
        if (!Severities.Contains(severity))
            throw yaml.Error(yaml.Child("severity")!, Localization.Messages.Get("EscalationConfigBadSeverity", severity));
        var endpoint = yaml.OptionalSecret("endpoint") is null ? DefaultEndpoint : yaml.RequiredUrl("endpoint");
        return new Settings(yaml.RequiredSecret("routing_key"), severity, endpoint);
    }

    public string Kind => KindName;
    public string Host => settings.Endpoint.Host;
    public bool Carries(NoticeEvent @event) => true;

    public Task SendAsync(Notice notice, CancellationToken ct) =>
        JsonPost.SendAsync(services, settings.Endpoint, Body(notice, settings.RoutingKey, settings.Severity), ct);

    public static JsonObject Body(Notice notice, string routingKey, string severity)
    {
        var action = notice.Event switch
        {
            NoticeEvent.Acknowledged => "acknowledge",
            NoticeEvent.Resolved => "resolve",
            _ => "trigger",
        };
        var body = new JsonObject
        {
            ["routing_key"] = routingKey,
            ["event_action"] = action,
            ["dedup_key"] = notice.Facts.CaseId,
        };
        if (action != "trigger") return body;
        var details = new JsonObject();
        foreach (var fact in notice.Text.Facts) details[fact.Label] = fact.Value;
        details["event"] = notice.Event.Name();
        if (notice.Milestone is { } m) details["milestone"] = m.Name();
        body["client"] = "Shodo";
        body["payload"] = new JsonObject
        {
            ["summary"] = MessageEscaping.Cut(MessageEscaping.Plain(notice.Text.Subject), 1024),
            ["source"] = notice.Facts.AccountId is { } account ? $"aws-account-{account}" : "shodo",
            ["severity"] = severity,
            ["timestamp"] = notice.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["component"] = "aws-credentials",
            ["group"] = notice.Level.Name,
            ["class"] = "credential-leak",
            ["custom_details"] = details,
        };
        return body;
    }
}
