using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shodo.Range.Auth;
using Shodo.Range.Adversary;
using Shodo.Range.Faults;
using Shodo.Range.Scenarios;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Iam;
using Shodo.Range.State.Organizations;

namespace Shodo.Range;

/// <summary>
/// A running range: one simulated AWS account served over HTTP on 127.0.0.1 for every service and
/// region. <c>await using var range = await RangeHost.StartAsync(new RangeOptions(), ct);</c>
/// </summary>
public sealed class RangeHost : IAsyncDisposable
{
    public const string ResponderUserName = "responder";

    private readonly WebApplication _app;

    private RangeHost(WebApplication app, Uri url, RangeState state, RangeCredentials responder, RangeFaults faults,
        RangeOptions options, Dispatcher dispatcher)
    {
        _app = app;
        Url = url;
        State = state;
        Responder = responder;
        Faults = faults;
        Options = options;
        Dispatcher = dispatcher;
    }

    /// <summary>The endpoint URL to pass as <c>--endpoint-url</c>, e.g. http://127.0.0.1:50123/ .</summary>
    public Uri Url { get; }
    public RangeState State { get; }
    /// <summary>The security team's admin IAM user <c>responder</c> (AdministratorAccess), seeded at start.</summary>
    public RangeCredentials Responder { get; }
    /// <summary>The leaked key of the scenario, when the range was seeded with one (null for an empty account).</summary>
    public RangeCredentials? Leaked => Scenario?.Leaked;
    /// <summary>Latency, throttling, server errors and resets; change them while the range runs.</summary>
    public RangeFaults Faults { get; }
    public RangeOptions Options { get; }
    public Dispatcher Dispatcher { get; }
    /// <summary>The scenario the range started with (credentials, ground truth), or null.</summary>
    public LoadedScenario? Scenario { get; private init; }
    /// <summary>What the attacker of the scenario created or used, resolved after playing; null without one.</summary>
    public GroundTruth? GroundTruth => Scenario?.GroundTruth;
    /// <summary>The organisation (<see cref="RangeOptions.Accounts"/> &gt; 1): <see cref="State"/> is its management account; null for one account.</summary>
    public RangeOrganization? Organization { get; private init; }
    /// <summary>The live adversary (with <see cref="RangeOptions.Adversary"/>), or null.</summary>
    public LiveAdversary? Adversary { get; private init; }

    public static async Task<RangeHost> StartAsync(RangeOptions options, CancellationToken ct = default)
    {
        var definition = options.Scenario is { } scenarioName ? ScenarioCatalog.Find(scenarioName) : null;
        var state = new RangeState(definition?.AccountId ?? options.AccountId, new RangeClock(options.TimeProvider), options.Partition);
        state.IamPropagation.Delay = options.IamPropagation;
        var responder = SeedResponder(state);
        var faults = new RangeFaults(options);
        IReadOnlyList<IAwsService> services = [.. ServiceCatalog.Create(), .. options.ExtraServices];
        Dispatcher DispatcherOf(RangeState account) => new(account, services, new Authenticator(account, options.TimeProvider),
            new Authorizer(account), faults, options.TimeProvider);
        var dispatcher = DispatcherOf(state);
        var accounts = Math.Max(options.Accounts, definition?.Accounts ?? 1);
        var organization = accounts > 1 ? RangeOrganization.Create(state, accounts - 1) : null;
        if (organization is not null)
        {
            var byAccount = organization.Accounts.ToDictionary(a => a.Id, a => a.State == state ? dispatcher : DispatcherOf(a.State));
            foreach (var d in byAccount.Values) d.ServeAccounts(byAccount);
        }
        var scenario = definition is null ? null
            : await ScenarioLoader.LoadAsync(definition, state, dispatcher, options.TimeProvider, ct);
        foreach (var account in organization?.Accounts.Select(a => a.State) ?? [state])
            account.EventDelay = options.EventDelay; // after the seed: its history is old enough to be seen
        faults.Sight = options.Sight ?? scenario?.Sight ?? [];
        var adversary = options.Adversary && scenario is { Attackers.Count: > 0 }
            ? new LiveAdversary(state, dispatcher, scenario, options.TimeProvider, options.AdversaryInterval, options.Seed)
            : null;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var admin = new Admin.AdminEndpoint(state, faults);
        app.Use(async (http, next) =>
        {
            if (!await ScenarioAdminRoutes.TryServeAsync(http, scenario, adversary)) await next(http);
        });
        app.Run(http => http.Request.Path.StartsWithSegments(Admin.AdminEndpoint.Prefix)
            ? admin.HandleAsync(http)
            : dispatcher.ServeAsync(http));
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var port = new Uri(address).Port;
        var url = new Uri($"http://127.0.0.1:{port}/");
        adversary?.Start();
        return new RangeHost(app, url, state, responder, faults, options, dispatcher)
        {
            Scenario = scenario, Adversary = adversary, Organization = organization,
        };
    }

    private static RangeCredentials SeedResponder(RangeState state)
    {
        lock (state.Sync)
        {
            var user = state.AddUser(ResponderUserName);
            user.AttachedPolicyArns.Add(state.Managed(AwsManagedPolicies.AdministratorAccessArn));
            var key = state.AddAccessKey(user.UserName);
            return new RangeCredentials(key.AccessKeyId, key.SecretAccessKey);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Adversary is not null) await Adversary.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
