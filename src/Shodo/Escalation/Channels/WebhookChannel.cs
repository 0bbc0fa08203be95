using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Channels;

/// <summary>
/// Generic webhook for anything else (a ticket system, a phone-call bridge): POST of the
/// <c>shodo-escalation/1</c> JSON body documented in docs/escalation.md. With <c>hmac_secret</c> set,
/// the request carries <c>X-Shodo-Timestamp</c> (Unix seconds) and <c>X-Shodo-Signature:
/// sha256=HEX</c>, the HMAC-SHA256 of <c>timestamp + "." + body</c> under that secret.
/// <code>- kind: webhook
///   url: https://hooks.example.com/shodo
///   hmac_secret_env: SHODO_WEBHOOK_HMAC</code>
/// </summary>
public sealed class WebhookChannel(WebhookChannel.Settings settings, ChannelServices services) : IEscalationChannel
{
    public const string KindName = "webhook";
    public const string Format = "shodo-escalation/1";
    public const string TimestampHeader = "X-Shodo-Timestamp";
    public const string SignatureHeader = "X-Shodo-Signature";

    public sealed record Settings(Uri Url, string? HmacSecret) : IChannelSettings
    {
        public string Kind => KindName;
        public string Host => Url.Host;
        public IEscalationChannel Create(ChannelServices services) => new WebhookChannel(this, services);
    }

    public static IChannelSettings Read(ChannelYaml yaml, ChannelReadContext _) =>
        new Settings(yaml.RequiredUrl("url"), yaml.OptionalSecret("hmac_secret"));

    public string Kind => KindName;
    public string Host => settings.Url.Host;

    public Task SendAsync(Notice notice, CancellationToken ct) =>
        JsonPost.SendAsync(services, settings.Url, Body(notice), ct, settings.HmacSecret is { } secret ? (request, bytes) =>
        {
            var timestamp = services.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(TimestampHeader, timestamp);
            request.Headers.Add(SignatureHeader, "sha256=" + Signature(secret, timestamp, bytes));
        } : null);

    /// <summary>Lower-case hex HMAC-SHA256 of <c>timestamp + "." + body</c>.</summary>
    public static string Signature(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body.ToArray()).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static JsonObject Body(Notice notice)
    {
        var f = notice.Facts;
        var facts = new JsonArray();
        foreach (var fact in notice.Text.Facts) facts.Add(new JsonObject { ["label"] = fact.Label, ["value"] = fact.Value });
        return new JsonObject
        {
            ["format"] = Format,
            ["event"] = notice.Event.Name(),
            ["milestone"] = notice.Milestone?.Name(),
            ["caseId"] = f.CaseId,
            ["journalAnchor"] = f.Anchor?.ToString(),
            ["accountId"] = f.AccountId,
            ["accessKeyId"] = f.AccessKeyId,
            ["seen"] = f.Seen,
            ["seenAt"] = f.SeenAt?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["details"] = new JsonArray(f.Details.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
            ["level"] = new JsonObject { ["number"] = notice.Level.Number, ["name"] = notice.Level.Name },
            ["target"] = notice.Target.Name,
            ["language"] = notice.Target.Language,
            ["subject"] = notice.Text.Subject,
            ["headline"] = notice.Text.Headline,
            ["facts"] = facts,
            ["text"] = notice.Text.Plain,
            ["acknowledge"] = notice.Text.AckCommand,
            ["sentAt"] = notice.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
    }
}
