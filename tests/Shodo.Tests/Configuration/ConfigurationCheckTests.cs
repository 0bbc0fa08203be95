using Shodo.Settings;
using Shodo.Configuration;
using Shodo.Diagnostics;

namespace Shodo.Tests.Configuration;

/// <summary>
/// The whole file checked at once: every section whatever the command uses; unknown sections and keys
/// as warnings with file:line and the nearest known key; every key a reader knows is not unknown.
/// </summary>
public sealed class ConfigurationCheckTests
{
    private static IReadOnlyList<ConfigurationWarning> Check(string yaml, bool escalates = true, IReadOnlyDictionary<string, string>? env = null) =>
        ConfigurationCheck.Run(ShodoConfiguration.Parse("shodo.yaml", yaml),
            name => env is not null && env.TryGetValue(name, out var v) ? v : null, escalates);

    private const string Webhook = "{kind: webhook, url: \"https://hooks.example.com/x\"}";

    private static string Level(string extra = "") => $"""
        escalation:
          levels:
            - name: on-call
              repeat: 5m{extra}
              targets:
                - name: Alice
                  channels: [{Webhook}]
        """;

    [Fact]
    public void A_misspelt_section_is_named_with_its_line_and_the_section_it_was_meant_to_be()
    {
        var warning = Assert.Single(Check("authority:\n  responder: [stop-instance]\nescalaton:\n  levels: []\n"));

        Assert.Equal("shodo.yaml:3: unknown section 'escalaton' (did you mean 'escalation'?)", warning.Text);
        Assert.Contains("ignored", warning.Consequence);
    }

    [Fact]
    public void A_section_like_no_known_one_lists_the_sections()
    {
        var warning = Assert.Single(Check("costs:\n  rate: 150\n"));

        Assert.Equal("shodo.yaml:1: unknown section 'costs' (the sections are authority, escalation, report, sigma)", warning.Text);
    }

    [Theory]
    [InlineData("\n      reapeat: 1m", 5, "reapeat", "escalation.levels[]", "repeat")]
    [InlineData("\n      Targets: []", 5, "Targets", "escalation.levels[]", "targets")]
    public void A_misspelt_key_in_a_level_is_named_with_its_line_where_it_is_and_the_nearest_key(
        string extra, int line, string key, string where, string nearest)
    {
        var warning = Assert.Single(Check(Level(extra)));

        Assert.Equal($"shodo.yaml:{line}: unknown key '{key}' in {where} (did you mean '{nearest}'?)", warning.Text);
    }

    [Theory]
    [InlineData("{kind: slack, webhook: \"https://hooks.slack.com/x\", webhook_url: \"https://hooks.slack.com/x\"}", "webhook", "webhook_url")]
    [InlineData("{kind: pagerduty, routing_key: abcd, severty: critical}", "severty", "severity")]
    [InlineData("{kind: webhook, url: \"https://h.example.com/x\", hmac: key1}", "hmac", "hmac_secret")]
    public void A_misspelt_channel_key_is_named_with_the_key_the_channel_reads(string channel, string key, string nearest)
    {
        var yaml = Level().Replace(Webhook, channel, StringComparison.Ordinal);

        var warning = Assert.Single(Check(yaml));

        Assert.Equal($"shodo.yaml:7: unknown key '{key}' in escalation.levels[].targets[].channels[] (did you mean '{nearest}'?)", warning.Text);
    }

    [Fact]
    public void A_key_like_no_known_one_lists_the_keys_known_there()
    {
        var warning = Assert.Single(Check("sigma:\n  placeholders: {admins: [sato]}\n  engine: athena\n"));

        Assert.Equal("shodo.yaml:3: unknown key 'engine' in sigma (known keys there: placeholders)", warning.Text);
    }

    [Fact]
    public void Every_key_the_readers_know_raises_no_warning()
    {
        var env = new Dictionary<string, string>
        {
            ["SHODO_SLACK_ONCALL_URL"] = "https://hooks.slack.com/services/T000/B000/XXXX",
            ["SHODO_PAGERDUTY_ROUTING_KEY"] = "0123456789abcdef0123456789abcdef",
            ["SHODO_SMTP_PASSWORD"] = "smtp-password",
            ["SHODO_TEAMS_SECURITY_URL"] = "https://prod-00.japaneast.logic.azure.com/workflows/abc",
            ["SHODO_LEGAL_WEBHOOK_URL"] = "https://tickets.example.com/hooks/shodo",
            ["SHODO_LEGAL_WEBHOOK_HMAC"] = "hmac-secret",
            ["PD_PROXY"] = "https://pd-proxy.example.com/v2/enqueue",
        };
        var example = File.ReadAllText(Path.Combine(RepositoryRoot(), "shodo.example.yaml"));
        var more = """

            authority:
              responder: [deactivate-access-keys, stop-instance]
              approvers: [ciso]
            report: {timeZone: Asia/Tokyo, currency: JPY, rate: 150}
            sigma:
              placeholders: {admins: [ops-sato], office: 203.0.113.0/24}
            """;
        var extra = example.Replace("      severity: critical", "      severity: critical\n              endpoint_env: PD_PROXY", StringComparison.Ordinal)
            .Replace("    # certificate_sha256:", "    certificate_sha256:", StringComparison.Ordinal);
        Assert.NotEqual(example, extra);

        Assert.Empty(Check(example + more, env: env));
        Assert.Empty(Check(extra + more, env: env));
    }

    [Theory]
    [InlineData("authority:\n  responder: [stop-instance, delete-everything]\n", 2)]
    [InlineData("report:\n  rate: lots\n", 2)]
    [InlineData("sigma:\n  placeholders: [x]\n", 2)]
    [InlineData("escalation:\n  levels:\n    - name: a\n      repeat: 0s\n      targets: []\n", 3)]
    public void Every_section_is_checked_whichever_the_command_uses(string yaml, int line)
    {
        foreach (var escalates in new[] { true, false })
        {
            var e = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Check(yaml, escalates));
            Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
            Assert.StartsWith($"shodo.yaml:{line}: ", e.Diagnostic.Summary);
        }
    }

    [Fact]
    public void A_secret_missing_from_the_environment_stops_a_command_that_escalates_and_is_a_warning_for_one_that_does_not()
    {
        var yaml = Level().Replace(Webhook, "{kind: webhook, url_env: HOOK_URL}", StringComparison.Ordinal)
                   + "\nauthority:\n  responder: [stop-instance]\n";

        var e = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Check(yaml, escalates: true));
        Assert.StartsWith("shodo.yaml:7: ", e.Diagnostic.Summary);
        Assert.Contains("HOOK_URL", e.Diagnostic.Summary);

        var warning = Assert.Single(Check(yaml, escalates: false));
        Assert.StartsWith("shodo.yaml:7: ", warning.Text);
        Assert.Contains("HOOK_URL", warning.Text);
        Assert.Contains("does not escalate", warning.Consequence);
    }

    [Theory]
    [InlineData("escalaton", "escalation")]
    [InlineData("timezone", "timeZone")]
    [InlineData("webhook", "webhook_url")]
    [InlineData("resopnder", "responder")]
    [InlineData("x", null)]
    [InlineData("severity_level_of_the_incident", null)]
    public void The_nearest_name_is_a_few_edits_away_or_a_prefix(string typed, string? expected)
    {
        Assert.Equal(expected, NearestName.Of(typed, ["escalation", "timeZone", "webhook_url", "responder", "severity", "url"]));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
