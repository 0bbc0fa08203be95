using System.CommandLine;
using Shodo.Diagnostics;
using Shodo.Range;
using Shodo.Range.Scenarios;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo range serve</c>: runs the range (a local AWS-compatible account) until Ctrl+C, optionally
/// seeded with a scenario and a live adversary, and prints <c>listening http://127.0.0.1:N</c> once it
/// accepts requests. <c>--profiles-file</c> writes the <c>responder</c> and <c>leaked</c> profiles.
/// </summary>
public sealed class RangeCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var scenario = new Option<string?>("--scenario")
        {
            Description = $"Seed the account with a scenario: {string.Join(", ", ScenarioCatalog.Names)}.",
        };
        var adversary = new Option<bool>("--adversary") { Description = "Keep the scenario's attacker acting while the range runs." };
        var interval = new Option<double>("--adversary-interval")
        {
            Description = "Seconds between the adversary's rounds.", DefaultValueFactory = _ => 5,
        };
        var latency = new Option<string>("--latency") { Description = "Per-call latency: none or realistic.", DefaultValueFactory = _ => "none" };
        latency.AcceptOnlyFromAmong("none", "realistic");
        var throttle = new Option<double>("--throttle-rate") { Description = "Fraction (0..1) of calls throttled." };
        var errors = new Option<double>("--error-rate") { Description = "Fraction (0..1) of calls answered with a 5xx error." };
        var profiles = new Option<string?>("--profiles-file")
        {
            Description = "Write an AWS credentials file with profiles 'responder' and 'leaked' to this path.",
        };

        var serve = new Command("serve",
            "Serve the range on 127.0.0.1 until interrupted.\n\nExample:\n" +
            "  shodo range serve --scenario leaked-key-cryptomining --adversary --profiles-file ./range-credentials")
        {
            port, scenario, adversary, interval, latency, throttle, errors, profiles,
        };
        serve.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var name = parse.GetValue(scenario);
            if (name is not null && !ScenarioCatalog.Names.Contains(name))
                throw new ShodoException(new Diagnostic(ExitCode.Usage,
                    $"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", ScenarioCatalog.Names)}."));
            RangeHost range;
            try
            {
                range = await RangeHost.StartAsync(new RangeOptions
                {
                    Port = parse.GetValue(port), Scenario = name, Adversary = parse.GetValue(adversary),
                    AdversaryInterval = TimeSpan.FromSeconds(Math.Max(0.05, parse.GetValue(interval))),
                    Latency = parse.GetValue(latency) == "realistic" ? RangeLatency.Realistic : RangeLatency.None,
                    ThrottleRate = parse.GetValue(throttle), ErrorRate = parse.GetValue(errors),
                }, ct);
            }
            catch (ScenarioException e)
            {
                throw new ShodoException(new Diagnostic(ExitCode.Failure, e.Message));
            }
            await using (range)
            {
                if (parse.GetValue(profiles) is { } path) RangeProfiles.Write(path, range);
                ctx.Out.WriteLine($"listening {range.Url.ToString().TrimEnd('/')}");
                ctx.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return ExitCode.Success;
        }));
        return new Command("range", "The range: a local AWS-compatible account for drills and tests.") { serve };
    }
}
