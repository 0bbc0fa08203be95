using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Channels;

/// <summary>Every channel kind the configuration may name (<c>kind:</c>), one line each.</summary>
public static class ChannelKinds
{
    public static IReadOnlyDictionary<string, Func<ChannelYaml, ChannelReadContext, IChannelSettings>> Readers { get; } =
        new Dictionary<string, Func<ChannelYaml, ChannelReadContext, IChannelSettings>>(StringComparer.Ordinal)
        {
            [SlackChannel.KindName] = SlackChannel.Read,
            [TeamsChannel.KindName] = TeamsChannel.Read,
            [WebhookChannel.KindName] = WebhookChannel.Read,
            [PagerDutyChannel.KindName] = PagerDutyChannel.Read,
            [EmailChannel.KindName] = EmailChannel.Read,
        };
}
