using Shodo.Configuration;
using Shodo.Containment.Authority;
using Shodo.Diagnostics;
using Shodo.Reports;
using Shodo.Sigma;
using Shodo.Tests.Cases;
using Shodo.Tests.Escalation;

namespace Shodo.Tests.Configuration;

/// <summary>
/// Whatever is in the file, reading it ends in a one-line usage error that names file:line (exit 2),
/// never an internal error, a crash or minutes of reading: values too large for a clock, keys that are
/// not names, nesting deep enough to overflow the stack, files far larger than any configuration.
/// </summary>
public sealed class ConfigurationFileTests
{
    [Theory]
    [InlineData("99999999999h")]
    [InlineData("99999999999999999999999h")]
    [InlineData("99999999999999")]
    [InlineData("1000000m")]
    public void A_duration_too_long_for_a_clock_is_a_usage_error_at_its_line(string after)
    {
        var yaml = $"""
            escalation:
              levels:
                - name: on-call
                  after: {after}
                  repeat: 5m
                  targets:
                    - {"{"}name: A, channels: [{"{"}kind: webhook, url: "http://127.0.0.1:9/x"{"}"}]{"}"}
            """;
        var e = Assert.Throws<ShodoException>(() => EscalationSamples.Settings(yaml));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.StartsWith("shodo.yaml:4: ", e.Diagnostic.Summary);
        Assert.Contains("after", e.Diagnostic.Summary);
        Assert.DoesNotContain('\n', e.Diagnostic.Summary);
    }

    [Fact]
    public void The_longest_duration_allowed_still_reads()
    {
        var yaml = """
            escalation:
              levels:
                - name: on-call
                  repeat: 720h
                  targets:
                    - {name: A, channels: [{kind: webhook, url: "http://127.0.0.1:9/x"}]}
            """;
        Assert.Equal(TimeSpan.FromDays(30), EscalationSamples.Settings(yaml).Levels[0].Repeat);
    }

    public static TheoryData<string, int, Action<ShodoConfiguration>> ComplexKeys => new()
    {
        { "authority:\n  ? [a, b]\n  : x\n", 2, c => AuthorityPolicy.From(c) },
        { "authority:\n  responder: [stop-instance]\n  {a: 1}: x\n", 3, c => AuthorityPolicy.From(c) },
        { "report:\n  ? {zone: x}\n  : UTC\n", 2, c => ReportSettings.Apply(c, new ReportOptions()) },
        { "sigma:\n  placeholders:\n    ? [x]\n    : y\n", 3, c => SigmaConfiguration.Placeholders(c) },
        { "? [escalation]\n: {}\n", 1, c => AuthorityPolicy.From(c) },
    };

    [Theory]
    [MemberData(nameof(ComplexKeys))]
    public void A_key_that_is_a_list_or_a_mapping_is_a_usage_error_at_its_line(string yaml, int line, Action<ShodoConfiguration> read)
    {
        var e = Assert.Throws<ShodoException>(() => read(ShodoConfiguration.Parse("shodo.yaml", yaml)));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.StartsWith($"shodo.yaml:{line}: ", e.Diagnostic.Summary);
        Assert.DoesNotContain('\n', e.Diagnostic.Summary);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(200_000)]
    public void Nesting_deeper_than_any_configuration_is_a_usage_error_not_a_crash(int depth)
    {
        var yaml = "authority:\n  responder: " + new string('[', depth) + new string(']', depth) + "\n";
        var e = Assert.Throws<ShodoException>(() => ShodoConfiguration.Parse("shodo.yaml", yaml));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.StartsWith("shodo.yaml:2: ", e.Diagnostic.Summary);
    }

    [Fact]
    public void Aliases_that_expand_past_any_configuration_are_a_usage_error_not_minutes_of_reading()
    {
        const int n = 3000;
        var yaml = "sigma:\n  placeholders:\n" +
                   "    t: &t {name: A, channels: [{kind: webhook, url: 'http://127.0.0.1:9/x'}]}\n" +
                   "    l: &l {name: a, after: 0s, repeat: 5m, targets: [" + string.Join(", ", Enumerable.Repeat("*t", n)) + "]}\n" +
                   "escalation:\n  levels: [" + string.Join(", ", Enumerable.Repeat("*l", n)) + "]\n";
        Assert.True(yaml.Length < 30_000);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<ShodoException>(() => EscalationSamples.Settings(yaml));

        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.Contains("alias", e.Diagnostic.Summary);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_few_aliases_as_a_team_would_share_a_channel_list_still_read()
    {
        var yaml = """
            escalation:
              levels:
                - name: on-call
                  repeat: 5m
                  targets:
                    - {name: A, channels: &oncall [{kind: webhook, url: "http://127.0.0.1:9/x"}]}
                    - {name: B, channels: *oncall}
            """;
        Assert.Equal(2, EscalationSamples.Settings(yaml).Levels[0].Targets.Count(t => t.Channels.Count == 1));
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_refused_without_reading_it()
    {
        using var root = new TempFolder();
        var path = Path.Combine(root.Path, "shodo.yaml");
        using (var file = File.Create(path)) file.SetLength(ShodoConfiguration.MaxBytes + 1);

        var e = Assert.Throws<ShodoException>(() => ShodoConfiguration.Load(path));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.Contains(path, e.Diagnostic.Summary);
        Assert.Contains("1 MiB", e.Diagnostic.Summary);
    }

    [Fact]
    public void A_file_at_the_cap_still_reads()
    {
        using var root = new TempFolder();
        var path = Path.Combine(root.Path, "shodo.yaml");
        var head = "authority:\n  responder: [stop-instance]\n";
        File.WriteAllText(path, head + new string('#', ShodoConfiguration.MaxBytes - head.Length));

        Assert.Equal(path, ShodoConfiguration.Load(path).Path);
    }

    [Fact]
    public void An_endless_file_is_refused_once_it_passes_the_cap()
    {
        if (!File.Exists("/dev/zero")) return;
        var e = Assert.Throws<ShodoException>(() => ShodoConfiguration.Load("/dev/zero"));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
    }
}
