using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Shodo.Cli.Commands.Respond;
using Shodo.Response;
using Spectre.Console.Testing;

namespace Shodo.Cli.Tests;

/// <summary>
/// The live display of respond and drill on a test terminal: steps, the region grid, what waits for
/// whom, hostile AWS strings shown as text; the line log it falls back to; and when it falls back.
/// </summary>
public sealed class ResponseLiveViewTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-28T14:23:00Z");
    /// <summary>A region name and a person as an attacker would write them: markup and terminal escapes (clear screen, set title).</summary>
    private const string HostileRegion = "eu-west-1[red]x[/]\u001b[2J";
    private const string HostileWhom = "ops [bold]team\u001b]0;pwned\u0007";

    public ResponseLiveViewTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");

    private static WaitingItem Acknowledgement(DateTimeOffset since) =>
        new("escalate:level-1", "escalate", WaitingKind.Acknowledgement, HostileWhom, "acknowledgement (2 notices delivered so far)", since)
        {
            NextReminder = since + TimeSpan.FromMinutes(5),
        };

    [Fact]
    public void The_view_shows_the_steps_the_regions_of_the_current_step_and_who_is_waited_for_with_hostile_text_as_text()
    {
        var clock = new FakeTimeProvider(T0);
        var console = new TestConsole().Width(200);
        var view = new ResponseLiveView(console, clock, live: true);
        view.Note("case", "case 2026-11-28T1423Z-k3x9q2 in /cases/2026-11-28T1423Z-k3x9q2");
        view.StepStarted("collect");
        view.Region("collect", new RegionProgress("global", RegionState.Done, 5, 5, 40, 0));
        view.Region("collect", new RegionProgress("us-east-1", RegionState.Running, 3, 9, 17, 0));
        view.Region("collect", new RegionProgress(HostileRegion, RegionState.Gap, 9, 9, 12, 2));
        view.Waiting(Acknowledgement(T0));
        view.Note("collect", "tag [blink]Name\u001b[5m");
        clock.Advance(TimeSpan.FromSeconds(65));

        console.Write(view.Render());
        var screen = console.Output;
        Assert.Contains("case 2026-11-28T1423Z-k3x9q2", screen);
        Assert.Matches(@"collect\s+│ ▶ running\s+│\s+1m05s\s+│ tag \[blink\]Name\\u001b\[5m", screen);
        foreach (var pending in new[] { "investigate", "contain", "report" }) Assert.Matches(pending + @"\s+│ · pending", screen);
        Assert.Contains("Regions: collect 2/3", screen);
        Assert.Contains("✔ global 40", screen);
        Assert.Contains("◌ us-east-1 3/9·17", screen);
        Assert.Contains(@"◐ eu-west-1[red]x[/]\u001b[2J 12 ✘2", screen);
        Assert.Contains("acknowledge", screen);
        Assert.Contains(@"ops [bold]team\u001b]0;pwned\u0007", screen);
        Assert.Contains("for 1m05s, next reminder in 3m55s", screen);
        Assert.Contains(@"tag [blink]Name\u001b[5m", screen);
        Assert.DoesNotContain('\u001b', screen);
        Assert.DoesNotContain('\u0007', screen);

        view.WaitingCleared("escalate:level-1");
        view.StepFinished("collect", StepResult.Done("396 responses from 19 regions"));
        console = new TestConsole().Width(200);
        console.Write(view.Render());
        Assert.Matches(@"collect\s+│ ✔ done\s+│\s+1m05s\s+│ 396 responses from 19 regions", console.Output);
        Assert.Contains("Waiting for: nothing is waiting for anyone", console.Output);
    }

    [Fact]
    public void Triage_shows_only_the_steps_it_runs()
    {
        var console = new TestConsole().Width(200);
        var view = new ResponseLiveView(console, new FakeTimeProvider(T0), live: true);
        view.StepStarted("collect");
        view.Planned(["collect", "triage"]);
        view.StepFinished("collect", StepResult.Done("396 responses from 19 regions"));

        console.Write(view.Render());
        Assert.Matches(@"collect\s+│ ✔ done", console.Output);
        Assert.Matches(@"triage\s+│ · pending", console.Output);
        foreach (var notRun in new[] { "investigate", "contain", "report" }) Assert.DoesNotContain(notRun, console.Output);
    }

    [Fact]
    public async Task On_an_interactive_terminal_the_view_redraws_while_the_response_runs_and_steps_aside_for_a_prompt()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences().Width(160);
        var view = new ResponseLiveView(console, TimeProvider.System, live: true);
        var result = await view.RunAsync(async () =>
        {
            view.StepStarted("collect");
            view.Region("collect", new RegionProgress("us-east-1", RegionState.Running, 1, 9, 3, 0));
            view.Waiting(Acknowledgement(DateTimeOffset.UtcNow) with { Whom = "level 1 (on-call): Alice" });
            await Task.Delay(3 * ResponseLiveView.RefreshInterval);
            var confirmed = await view.SuspendAsync(() =>
            {
                console.Profile.Out.Writer.WriteLine("Type the account id 123456789012 to apply:");
                return true;
            });
            view.Region("collect", new RegionProgress("us-east-1", RegionState.Done, 9, 9, 42, 0));
            view.Waiting(Acknowledgement(DateTimeOffset.UtcNow) with { Whom = HostileWhom });
            view.StepFinished("collect", StepResult.Done("42 responses"));
            await Task.Delay(3 * ResponseLiveView.RefreshInterval);
            return confirmed;
        });

        Assert.True(result);
        var screen = console.Output;
        Assert.Contains("Type the account id 123456789012 to apply:", screen);
        Assert.Contains("us-east-1", screen);
        Assert.Contains("1/9", screen);
        Assert.Contains("42 responses", screen);
        Assert.Contains("level 1 (on-call): Alice", screen);
        Assert.Contains(@"\u001b]0;pwned\u0007", screen);
        Assert.DoesNotContain("\u001b]0;pwned", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_terminal_the_lines_show_each_region_once_and_each_wait_when_it_appears_and_clears()
    {
        // The console the app builds when stdout is a pipe.
        var output = new StringWriter();
        var env = new CliEnvironment(output, TextWriter.Null, new Dictionary<string, string?>(), TimeProvider.System, IsInteractive: false);
        var console = Shodo.Cli.Output.Terminal.Create(Settings(json: false, noColor: false), env);
        var view = new ResponseLiveView(console, new FakeTimeProvider(T0), live: false);
        view.Region("collect", new RegionProgress("us-east-1", RegionState.Running, 1, 9, 3, 0));
        view.Region("collect", new RegionProgress("us-east-1", RegionState.Done, 9, 9, 42, 0) { Settled = true });
        view.Region("investigate", new RegionProgress("us-east-1", RegionState.Done, 1, 1, 13, 0));
        view.Region("investigate", new RegionProgress(HostileRegion, RegionState.Gap, 2, 2, 120, 2) { Settled = true });
        view.Waiting(Acknowledgement(T0));
        view.Waiting(Acknowledgement(T0) with { What = "acknowledgement (4 notices delivered so far)", NextReminder = T0.AddMinutes(10) });
        view.WaitingCleared("escalate:level-1");
        view.WaitingCleared("escalate:level-1");
        view.WaitingCleared("contain:approval");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Matches(@"^\d\d:\d\d:\d\d · collect\s+us-east-1: 42 responses stored$", lines[0]);
        Assert.EndsWith(@"investigate  eu-west-1[red]x[/]\u001b[2J: 120 events read, 2 pages could not be read", lines[1]);
        Assert.EndsWith(@"… escalate     waiting for ops [bold]team\u001b]0;pwned\u0007: acknowledgement (2 notices delivered so far)", lines[2]);
        Assert.EndsWith(@"✔ escalate     no longer waiting for ops [bold]team\u001b]0;pwned\u0007", lines[3]);
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    private static GlobalSettings Settings(bool json, bool noColor) =>
        new(null, null, null, null, json ? OutputFormat.Json : OutputFormat.Text, "en", noColor, "cases", false);

    [Theory]
    [InlineData(true, false, false, null, null, true)]
    [InlineData(false, false, false, null, null, false)]
    [InlineData(true, true, false, null, null, false)]
    [InlineData(true, false, true, null, null, false)]
    [InlineData(true, false, false, "dumb", null, false)]
    [InlineData(true, false, false, "xterm-256color", "true", false)]
    public void The_view_is_live_only_on_an_interactive_colour_terminal_outside_CI_and_json(
        bool interactive, bool json, bool noColor, string? term, string? ci, bool live)
    {
        var variables = new Dictionary<string, string?> { ["TERM"] = term, ["CI"] = ci };
        var env = new CliEnvironment(TextWriter.Null, TextWriter.Null, variables, TimeProvider.System, interactive);
        var ctx = new CommandContext(new RootCommand().Parse([]), Settings(json, noColor), env, new TestConsole().Interactive().EmitAnsiSequences());
        Assert.Equal(live, ResponseLiveView.IsLive(ctx));
    }
}
