using System.Text.Json.Nodes;
using Shodo.Escalation.Channels;
using Shodo.Escalation.Notices;
using Shodo.Drill.Rehearsal;

namespace Shodo.Tests.Escalation;

/// <summary>Each HTTP channel against a real server on loopback: the request has the shape the service documents.</summary>
public sealed class ChannelFormatTests : IAsyncLifetime
{
    private RehearsalReceiver _receiver = null!;
    private readonly HttpClient _http = new();

    public Task InitializeAsync()
    {
        _receiver = RehearsalReceiver.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _http.Dispose();
    }

    private string Yaml(string channel) => $$"""
        escalation:
          levels:
            - name: on-call
              repeat: 5m
              targets:
                - name: Alice
                  language: en
                  channels:
                    - {{channel}}
        """;

    private IEscalationChannel Channel(string yamlChannel, IReadOnlyDictionary<string, string>? env = null) =>
        EscalationSamples.Settings(Yaml(yamlChannel), env).Levels[0].Targets[0].Channels[0].Create(EscalationSamples.Services(_http));

    [Fact]
    public async Task Slack_incoming_webhook_gets_text_and_blocks_with_header_section_and_context()
    {
        var channel = Channel("{kind: slack, webhook_url_env: SLACK}", new Dictionary<string, string> { ["SLACK"] = _receiver.SlackUrl + "/T000/B000/XXXXSECRET" });
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert), default);

        var got = Assert.Single(_receiver.Received);
        Assert.Equal("slack/T000/B000/XXXXSECRET", got.Path);
        Assert.StartsWith("application/json", got.Header("content-type"));
        var body = got.Json!.AsObject();
        Assert.Contains(EscalationSamples.Account, (string)body["text"]!);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "context"], blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("plain_text", (string)blocks[0]!["text"]!["type"]!);
        Assert.True(((string)blocks[0]!["text"]!["text"]!).Length <= 150);
        var section = blocks[1]!["text"]!;
        Assert.Equal("mrkdwn", (string)section["type"]!);
        Assert.Contains($"*Case:* {EscalationSamples.CaseId}", (string)section["text"]!);
        Assert.Contains("AKIAIOSFODNN7EXAMPLE", (string)section["text"]!);
        Assert.Contains($"shodo ack {EscalationSamples.CaseId} --by", (string)blocks[2]!["elements"]![0]!["text"]!);
        Assert.Equal("mrkdwn", (string)blocks[2]!["elements"]![0]!["type"]!);
    }

    [Fact]
    public async Task Slack_text_from_AWS_cannot_mention_channels_or_make_links()
    {
        var channel = Channel("{kind: slack, webhook_url: " + _receiver.SlackUrl + "}");
        var facts = EscalationSamples.Facts() with { Seen = "user <!channel> made <https://evil.example|click here> & more" };
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert, facts: facts), default);

        var section = (string)_receiver.Received[0].Json!["blocks"]![1]!["text"]!["text"]!;
        Assert.DoesNotContain("<!channel>", section);
        Assert.DoesNotContain("<https://", section);
        Assert.Contains("&lt;!channel&gt;", section);
        Assert.Contains("&amp; more", section);
    }

    [Fact]
    public async Task Teams_workflow_webhook_gets_a_message_with_one_adaptive_card()
    {
        var channel = Channel("{kind: teams, webhook_url: " + _receiver.TeamsUrl + "}");
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert, "ja"), default);

        var body = Assert.Single(_receiver.Received).Json!.AsObject();
        Assert.Equal("message", (string)body["type"]!);
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)attachment["contentType"]!);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string)card["type"]!);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string)card["$schema"]!);
        Assert.Equal("1.4", (string)card["version"]!);
        var kinds = card["body"]!.AsArray().Select(b => (string)b!["type"]!).ToList();
        Assert.Equal(["TextBlock", "FactSet", "TextBlock"], kinds);
        var facts = card["body"]![1]!["facts"]!.AsArray();
        Assert.All(facts, f => { Assert.NotNull(f!["title"]); Assert.NotNull(f["value"]); });
        Assert.Contains(facts, f => (string)f!["title"]! == "アカウント" && (string)f["value"]! == EscalationSamples.Account);
        Assert.Contains("AWS アカウント", (string)card["body"]![0]!["text"]!);
    }

    [Fact]
    public async Task Generic_webhook_gets_the_documented_body_and_a_verifiable_HMAC_signature()
    {
        var channel = Channel("{kind: webhook, url: " + _receiver.WebhookUrl + ", hmac_secret_env: HMAC}",
            new Dictionary<string, string> { ["HMAC"] = "hmac-key-for-tests-0123456789" });
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Milestone, milestone: Milestone.PlanAwaitingApproval), default);

        var got = Assert.Single(_receiver.Received);
        var body = got.Json!.AsObject();
        Assert.Equal("shodo-escalation/1", (string)body["format"]!);
        Assert.Equal("milestone", (string)body["event"]!);
        Assert.Equal("plan-awaiting-approval", (string)body["milestone"]!);
        Assert.Equal(EscalationSamples.CaseId, (string)body["caseId"]!);
        Assert.Equal(EscalationSamples.Account, (string)body["accountId"]!);
        Assert.Equal(1, (int)body["level"]!["number"]!);
        Assert.Equal("Alice", (string)body["target"]!);
        Assert.Equal("en", (string)body["language"]!);
        Assert.StartsWith("shodo ack ", (string)body["acknowledge"]!);
        Assert.Contains("shodo approve " + EscalationSamples.CaseId, (string)body["text"]!);

        var timestamp = got.Header("X-Shodo-Timestamp")!;
        Assert.True(long.Parse(timestamp) > 1_700_000_000);
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "hmac-key-for-tests-0123456789"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(timestamp + "." + got.Body)));
        Assert.Equal(expected, got.Header("X-Shodo-Signature"));
    }

    [Fact]
    public async Task Generic_webhook_without_a_secret_is_not_signed()
    {
        var channel = Channel("{kind: webhook, url: " + _receiver.WebhookUrl + "}");
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert), default);
        Assert.Null(Assert.Single(_receiver.Received).Header("X-Shodo-Signature"));
    }

    [Fact]
    public async Task PagerDuty_trigger_acknowledge_and_resolve_share_the_case_id_as_dedup_key()
    {
        var channel = Channel("{kind: pagerduty, routing_key_env: PD, severity: critical, endpoint: " + _receiver.PagerDutyUrl + "}",
            new Dictionary<string, string> { ["PD"] = "R0UT1NGKEY0123456789abcdefabcdef" });
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert), default);
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Acknowledged), default);
        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Resolved), default);

        var bodies = _receiver.ReceivedAt("v2/enqueue").Select(r => r.Json!.AsObject()).ToList();
        Assert.Equal(["trigger", "acknowledge", "resolve"], bodies.Select(b => (string)b["event_action"]!));
        Assert.All(bodies, b =>
        {
            Assert.Equal(EscalationSamples.CaseId, (string)b["dedup_key"]!);
            Assert.Equal("R0UT1NGKEY0123456789abcdefabcdef", (string)b["routing_key"]!);
        });
        var payload = bodies[0]["payload"]!;
        Assert.Equal("critical", (string)payload["severity"]!);
        Assert.Equal($"aws-account-{EscalationSamples.Account}", (string)payload["source"]!);
        var summary = (string)payload["summary"]!;
        Assert.InRange(summary.Length, 1, 1024);
        Assert.Contains(EscalationSamples.CaseId, summary);
        Assert.True(DateTimeOffset.TryParse((string)payload["timestamp"]!, out _));
        Assert.IsType<JsonObject>(payload["custom_details"]);
        Assert.Equal("alert", (string)payload["custom_details"]!["event"]!);
        Assert.Null(bodies[2]["payload"]);
    }

    [Fact]
    public void PagerDuty_severity_outside_the_documented_four_is_a_configuration_error_with_its_line()
    {
        var e = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Channel("{kind: pagerduty, routing_key: abcdefgh, severity: urgent}"));
        Assert.Contains("shodo.yaml:9", e.Diagnostic.Summary);
        Assert.Contains("urgent", e.Diagnostic.Summary);
    }
}
