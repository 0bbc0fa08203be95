using System.Text.Json.Nodes;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Channels;

/// <summary>
/// Microsoft Teams workflow (Power Automate "post to a channel when a webhook request is received")
/// or incoming webhook: POST of a message envelope <c>{"type":"message","attachments":[{"contentType":
/// "application/vnd.microsoft.card.adaptive","content":{AdaptiveCard 1.4}}]}</c> holding a headline,
/// a FactSet and the acknowledge command. The URL is a secret (it carries a signature).
/// <code>- kind: teams
///   webhook_url_env: SHODO_TEAMS_SECURITY</code>
/// </summary>
public sealed class TeamsChannel(TeamsChannel.Settings settings, ChannelServices services) : IEscalationChannel
{
    public const string KindName = "teams";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public sealed record Settings(Uri WebhookUrl) : IChannelSettings
    {
        public string Kind => KindName;
        public string Host => WebhookUrl.Host;
        public IEscalationChannel Create(ChannelServices services) => new TeamsChannel(this, services);
    }

    public static IChannelSettings Read(ChannelYaml yaml, ChannelReadContext _) => new Settings(yaml.RequiredUrl("webhook_url"));

    public string Kind => KindName;
    public string Host => settings.WebhookUrl.Host;

    public Task SendAsync(Notice notice, CancellationToken ct) => JsonPost.SendAsync(services, settings.WebhookUrl, Body(notice), ct);

    public static JsonObject Body(Notice notice)
    {
        var t = notice.Text;
        var facts = new JsonArray();
        foreach (var f in t.Facts) facts.Add(new JsonObject { ["title"] = MessageEscaping.Markdown(f.Label), ["value"] = MessageEscaping.Markdown(f.Value) });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "TextBlock", ["text"] = MessageEscaping.Markdown(t.Headline), ["weight"] = "Bolder",
                    ["size"] = "Medium", ["wrap"] = true,
                    ["color"] = notice.Event is NoticeEvent.Alert or NoticeEvent.Repeat ? "Attention" : "Default",
                },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
                new JsonObject { ["type"] = "TextBlock", ["text"] = MessageEscaping.Markdown(t.AckCommand), ["fontType"] = "Monospace", ["wrap"] = true },
            },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = MessageEscaping.Plain(t.Subject),
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = AdaptiveCardContentType, ["contentUrl"] = null, ["content"] = card },
            },
        };
    }
}
