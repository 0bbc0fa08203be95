using Shodo.Diagnostics;
using Shodo.Escalation.Channels;
using Shodo.Escalation.Settings;

namespace Shodo.Tests.Escalation;

/// <summary>The escalation section: levels, targets, channels, secrets from the environment, and mistakes named by file and line.</summary>
public sealed class EscalationConfigTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(RepositoryRoot(), "shodo.example.yaml"));

    private static readonly Dictionary<string, string> ExampleEnv = new()
    {
        ["SHODO_SLACK_ONCALL_URL"] = "https://hooks.slack.com/services/T000/B000/XXXX",
        ["SHODO_PAGERDUTY_ROUTING_KEY"] = "0123456789abcdef0123456789abcdef",
        ["SHODO_SMTP_PASSWORD"] = "smtp-password",
        ["SHODO_TEAMS_SECURITY_URL"] = "https://prod-00.japaneast.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=xyz",
        ["SHODO_LEGAL_WEBHOOK_URL"] = "https://tickets.example.com/hooks/shodo",
        ["SHODO_LEGAL_WEBHOOK_HMAC"] = "hmac-secret",
    };

    [Fact]
    public void The_example_configuration_in_the_repository_reads_as_documented()
    {
        var settings = EscalationSamples.Settings(Example, ExampleEnv);

        Assert.Equal(["on-call", "manager", "security", "legal"], settings.Levels.Select(l => l.Name));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)], settings.Levels.Select(l => l.After));
        Assert.Equal(TimeSpan.FromMinutes(5), settings.Levels[0].Repeat);
        var kinds = settings.Levels.SelectMany(l => l.Targets).SelectMany(t => t.Channels).Select(c => c.Kind).ToHashSet();
        Assert.Equal(ChannelKinds.Readers.Keys.ToHashSet(), kinds);
        Assert.Contains(settings.Levels.SelectMany(l => l.Targets), t => t.Language == "ja");
        Assert.Contains(settings.Levels.SelectMany(l => l.Targets), t => t.Language == "en");
        Assert.All(ExampleEnv.Values, v => Assert.Contains("[REDACTED]", settings.Secrets.Scrub("x " + v)));
    }

    [Fact]
    public void A_missing_environment_variable_names_the_variable_and_the_line_and_never_a_value()
    {
        var env = new Dictionary<string, string>(ExampleEnv);
        env.Remove("SHODO_PAGERDUTY_ROUTING_KEY");
        var e = Assert.Throws<ShodoException>(() => EscalationSamples.Settings(Example, env));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.Matches(@"shodo\.yaml:\d+: .*SHODO_PAGERDUTY_ROUTING_KEY", e.Diagnostic.Summary);
    }

    [Theory]
    [InlineData("repeat: soon", 4, "soon")]
    [InlineData("repeat: 5m\n      targets: []", 3, "targets")]
    [InlineData("repeat: 5m\n      targets:\n        - {name: A, language: fr, channels: [{kind: slack, webhook_url: 'https://x.example/1'}]}", 6, "fr")]
    [InlineData("repeat: 5m\n      targets:\n        - {name: A, channels: [{kind: fax, number: 1}]}", 6, "fax")]
    [InlineData("repeat: 5m\n      targets:\n        - {name: A, channels: [{kind: slack, webhook_url: 'not a url'}]}", 6, "webhook_url")]
    public void Mistakes_are_reported_with_file_and_line(string levelBody, int line, string mentioned)
    {
        var yaml = "escalation:\n  levels:\n    - name: on-call\n      " + levelBody + "\n";
        var e = Assert.Throws<ShodoException>(() => EscalationSamples.Settings(yaml));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.Contains($"shodo.yaml:{line}:", e.Diagnostic.Summary);
        Assert.Contains(mentioned, e.Diagnostic.Summary);
    }

    [Fact]
    public void A_pagerduty_endpoint_can_come_from_the_environment_like_every_other_url()
    {
        var yaml = "escalation:\n  levels:\n    - name: on-call\n      repeat: 5m\n      targets:\n" +
                   "        - {name: A, channels: [{kind: pagerduty, routing_key: abcdef, endpoint_env: PD_PROXY}]}\n";
        var settings = EscalationSamples.Settings(yaml, new Dictionary<string, string> { ["PD_PROXY"] = "https://pd-proxy.example.com/v2/enqueue" });

        Assert.Equal("pd-proxy.example.com", settings.Levels[0].Targets[0].Channels[0].Host);
    }

    [Fact]
    public void A_configuration_without_an_escalation_section_has_no_levels()
    {
        Assert.True(EscalationSamples.Settings("authority:\n  auto_approve: []\n").IsEmpty);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("90", 90)]
    public void Durations_read_as_written(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
