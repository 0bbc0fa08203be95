using System.CommandLine;
using System.Globalization;
using Shodo.Diagnostics;
using Shodo.Localization;
using Shodo.Range;
using Shodo.Range.Faults;
using Shodo.Range.Scenarios;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo range serve</c>: runs the range — a local AWS-compatible account — on 127.0.0.1 until
/// Ctrl+C. Prints <c>listening http://127.0.0.1:N</c> once it accepts requests (scripts wait for it).
/// </summary>
public sealed class RangeCommand : IShodoCommand
{
    private readonly Option<int> _port = new("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
    private readonly Option<string?> _scenario = new("--scenario") { Description = $"Seed the account with a scenario: {string.Join(", ", ScenarioCatalog.Names)}." };
    private readonly Option<bool> _adversary = new("--adversary") { Description = "Let the scenario's attacker keep acting until contained." };
    /// <summary>The shortest and longest rounds of the adversary a range runs.</summary>
    public const double MinAdversaryInterval = 0.05, MaxAdversaryInterval = 86400;

    private readonly Option<double> _adversaryInterval = new Option<double>("--adversary-interval")
    {
        Description = $"Seconds between the adversary's rounds ({MinAdversaryInterval.ToString(CultureInfo.InvariantCulture)} to {MaxAdversaryInterval}).",
        DefaultValueFactory = _ => 5,
    }.Between(MinAdversaryInterval, MaxAdversaryInterval, "BadAdversaryInterval");
    private readonly Option<RangeLatency> _latency = new("--latency") { Description = "Per-call latency: none or realistic (50–150 ms).", DefaultValueFactory = _ => RangeLatency.None };
    private readonly Option<double> _throttleRate = new("--throttle-rate") { Description = "Fraction of calls (0..1) answered with the protocol's throttling error." };
    private readonly Option<double> _errorRate = new("--error-rate") { Description = "Fraction of calls (0..1) answered with a 500/503 server error." };
    private readonly Option<double> _resetRate = new("--reset-rate") { Description = "Fraction of calls (0..1) whose connection is reset without an answer." };
    private readonly Option<string?> _eventDelay = new Option<string?>("--event-delay")
    {
        Description = "How long after a call its event can be seen in LookupEvents and trail log files, as in CloudTrail (e.g. 5m; default none).",
    }.Duration(TimeSpan.FromHours(1));
    private readonly Option<string?> _failLookupEvents = new("--fail-lookup-events") { Description = "Make every CloudTrail LookupEvents over HTTP fail: access-denied or server-error (in --blind-regions only, when given)." };
    private readonly Option<string?> _failTrailLogs = new("--fail-trail-logs") { Description = "Make every read (GetObject) of a trail log file fail: access-denied or server-error (in --blind-regions only, when given)." };
    private readonly Option<string[]> _blindRegions = new("--blind-regions") { Description = "The regions --fail-lookup-events and --fail-trail-logs apply to (comma-separated; default: every region).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _profilesFile = new("--profiles-file") { Description = "Write an AWS credentials file with profiles responder (and leaked, when the scenario has one)." };
    private readonly Option<string?> _iamPropagation = new("--iam-propagation")
    { Description = "How long a policy change takes to take effect, as IAM's eventual consistency (e.g. 10s, 2m; default 0)." };
    private readonly Option<string> _partition = new("--partition")
    { Description = "The AWS partition the account stands for: aws (default), aws-cn or aws-us-gov; its ARNs and regions follow.", DefaultValueFactory = _ => Shodo.Range.State.RangePartitions.Aws };
    private readonly Option<string> _accountId = new("--account-id") { Description = "The 12-digit account id to serve.", DefaultValueFactory = _ => RangeInfo.DefaultAccountId };
    /// <summary>The most accounts one range serves as an organisation.</summary>
    public const int MaxAccounts = 50;
    private readonly Option<int> _accounts = new("--accounts")
    {
        Description = "How many accounts to serve: 1 (default) one account; more an AWS Organization whose management account is --account-id, each member with OrganizationAccountAccessRole.",
        DefaultValueFactory = _ => 1,
    };

    public Command Build(ShodoApp app)
    {
        var serve = new Command("serve",
            "Serve a local AWS-compatible account (IAM, STS and more) on 127.0.0.1 until Ctrl+C.\n\n" +
            "Example:\n  shodo range serve --port 4566 --scenario leaked-key-cryptomining --adversary --profiles-file ./range.credentials\n" +
            "  AWS_SHARED_CREDENTIALS_FILE=./range.credentials aws --profile responder --endpoint-url http://127.0.0.1:4566 sts get-caller-identity");
        foreach (var option in new Option[] { _port, _scenario, _adversary, _adversaryInterval, _latency, _throttleRate, _errorRate, _resetRate, _eventDelay, _failLookupEvents, _failTrailLogs, _blindRegions, _profilesFile, _accountId, _iamPropagation, _accounts, _partition })
            serve.Options.Add(option);
        _throttleRate.Validators.Add(r => ValidateRate(r, _throttleRate));
        _errorRate.Validators.Add(r => ValidateRate(r, _errorRate));
        _resetRate.Validators.Add(r => ValidateRate(r, _resetRate));
        _failLookupEvents.Validators.Add(r => ValidateFailure(r, _failLookupEvents));
        _failTrailLogs.Validators.Add(r => ValidateFailure(r, _failTrailLogs));
        _scenario.Validators.Add(r =>
        {
            if (r.GetValue(_scenario) is { } name && !ScenarioCatalog.Names.Contains(name))
                r.AddError($"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", ScenarioCatalog.Names)}.");
        });
        _partition.AcceptOnlyFromAmong([.. Shodo.Range.State.RangePartitions.All]);
        _iamPropagation.Validators.Add(r =>
        {
            if (r.GetValue(_iamPropagation) is { } d && Propagation(d) is null)
                r.AddError(Messages.Get("BadIamPropagation", d));
        });
        _port.Validators.Add(r =>
        {
            if (r.GetValue(_port) is < 0 or > 65535) r.AddError(Messages.Get("BadPort", r.GetValue(_port)));
        });
        _accountId.Validators.Add(r =>
        {
            if (r.GetValue(_accountId) is { } id && (id.Length != 12 || !id.All(char.IsAsciiDigit)))
                r.AddError("--account-id must be 12 digits.");
        });
        _accounts.Validators.Add(r =>
        {
            if (r.GetValue(_accounts) is < 1 or > MaxAccounts) r.AddError(Messages.Get("BadRangeAccounts", r.GetValue(_accounts), MaxAccounts));
        });
        serve.SetAction((parse, ct) => app.Run(parse, ct, ctx => ServeAsync(ctx, parse, ct)));

        var range = new Command("range", "The range: a local AWS-compatible account for drills and tests.");
        range.Subcommands.Add(serve);
        return range;
    }

    /// <summary>Seconds ("10"), or a number with s or m, up to an hour; null otherwise.</summary>
    private static TimeSpan? Propagation(string text)
    {
        var t = text.Trim();
        var unit = t.EndsWith('m') ? 60 : 1;
        if (!double.TryParse(t.TrimEnd('s', 'm'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0 || n * unit > 3600) return null;
        return TimeSpan.FromSeconds(n * unit);
    }

    private static void ValidateRate(System.CommandLine.Parsing.OptionResult result, Option<double> option)
    {
        if (result.GetValue(option) is < 0 or > 1) result.AddError($"{option.Name} must be between 0 and 1.");
    }

    private static void ValidateFailure(System.CommandLine.Parsing.OptionResult result, Option<string?> option)
    {
        if (result.GetValue(option) is not { } text) return;
        try { SightFault.ParseFailure(text); }
        catch (FormatException e) { result.AddError($"{option.Name}: {e.Message}"); }
    }

    /// <summary>The sight faults the flags name, or null (the scenario's own) when neither failure flag is given.</summary>
    private IReadOnlyList<SightFault>? Sight(ParseResult parse)
    {
        var regions = parse.GetValue(_blindRegions) is { Length: > 0 } given
            ? given.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : null;
        var faults = new List<SightFault>();
        if (parse.GetValue(_failLookupEvents) is { } lookup)
            faults.Add(new SightFault(SightSource.LookupEvents, SightFault.ParseFailure(lookup), regions));
        if (parse.GetValue(_failTrailLogs) is { } logs)
            faults.Add(new SightFault(SightSource.TrailLogs, SightFault.ParseFailure(logs), regions));
        return faults.Count == 0 ? null : faults;
    }

    /// <summary>Kestrel's bind failure: an IOException over AddressInUseException over the SocketException.</summary>
    private static bool AddressInUse(Exception e)
    {
        for (var x = e.InnerException; x is not null; x = x.InnerException)
            if (x is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }) return true;
        return false;
    }

    private async Task<ExitCode> ServeAsync(CommandContext ctx, ParseResult parse, CancellationToken ct)
    {
        var options = new RangeOptions
        {
            Port = parse.GetValue(_port),
            AccountId = parse.GetValue(_accountId)!,
            Accounts = parse.GetValue(_accounts),
            TimeProvider = ctx.Time,
            Latency = parse.GetValue(_latency),
            ThrottleRate = parse.GetValue(_throttleRate),
            ErrorRate = parse.GetValue(_errorRate),
            ResetRate = parse.GetValue(_resetRate),
            EventDelay = parse.Value(_eventDelay, TimeSpan.Zero),
            Sight = Sight(parse),
            Scenario = parse.GetValue(_scenario),
            Adversary = parse.GetValue(_adversary),
            AdversaryInterval = TimeSpan.FromSeconds(parse.GetValue(_adversaryInterval)),
            IamPropagation = parse.GetValue(_iamPropagation) is { } propagation ? Propagation(propagation)!.Value : TimeSpan.Zero,
            Partition = parse.GetValue(_partition)!,
        };
        RangeHost range;
        try
        {
            range = await RangeHost.StartAsync(options, ct);
        }
        catch (ScenarioException e)
        {
            throw new ShodoException(new Diagnostic(ExitCode.Failure, e.Message));
        }
        catch (IOException e) when (AddressInUse(e))
        {
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("PortInUse", options.Port)));
        }
        await using var _ = range;
        if (parse.GetValue(_profilesFile) is { } path) await RangeProfiles.WriteAsync(range, path, ct);
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening {range.Url.ToString().TrimEnd('/')}"));
        ctx.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C is how a range ends.
        }
        return ExitCode.Success;
    }
}
