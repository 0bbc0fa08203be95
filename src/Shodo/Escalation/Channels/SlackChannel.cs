using System.Text.Json.Nodes;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Channels;

/// <summary>
/// Slack incoming webhook: POST of <c>{"text": ..., "blocks": [...]}</c> (Block Kit: a header, a
/// section of labelled facts in mrkdwn, a context line with the acknowledge command). <c>text</c> is
/// the notification fallback. The webhook URL is a secret (its path is the token).
/// <code>- kind: slack
///   webhook_url_env: SHODO_SLACK_ONCALL</code>
/// </summary>
public sealed class SlackChannel(SlackChannel.Settings settings, ChannelServices services) : IEscalationChannel
{
    public const string KindName = "slack";

    public sealed record Settings(Uri WebhookUrl) : IChannelSettings
    {
        public string Kind => KindName;
        public string Host => WebhookUrl.Host;
        public IEscalationChannel Create(ChannelServices services) => new SlackChannel(this, services);
    }

    public static IChannelSettings Read(ChannelYaml yaml, ChannelReadContext _) => new Settings(yaml.RequiredUrl("webhook_url"));

    public string Kind => KindName;
    public string Host => settings.WebhookUrl.Host;

    public Task SendAsync(Notice notice, CancellationToken ct) => JsonPost.SendAsync(services, settings.WebhookUrl, Body(notice), ct);

    public static JsonObject Body(Notice notice)
    {
        var t = notice.Text;
        var facts = string.Join("\n", t.Facts.Select(f => $"*{MessageEscaping.Slack(f.Label)}:* {MessageEscaping.Slack(f.Value)}"));
        return new JsonObject
        {
            ["text"] = MessageEscaping.Slack($"{t.Subject}\n{t.Headline}"),
            ["blocks"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "header",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = MessageEscaping.Cut(MessageEscaping.Plain(t.Headline), 150) },
                },
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = MessageEscaping.Cut(facts, 3000) },
                },
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray
                    {
                        new JsonObject { ["type"] = "mrkdwn", ["text"] = "`" + MessageEscaping.Slack(t.AckCommand) + "`" },
                    },
                },
            },
        };
    }
}
