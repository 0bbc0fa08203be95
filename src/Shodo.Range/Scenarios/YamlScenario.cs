using Shodo.Range.Serving;
using Shodo.Range.State;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Shodo.Range.Scenarios;

/// <summary>A scenario written as a YAML file (format: docs/range-scenarios.md).</summary>
public sealed class YamlScenario(ScenarioFile file) : IScenario
{
    public ScenarioFile File { get; } = file;
    public string Name => File.Name;
    public string? AccountId => File.Account.Id;
    public int Accounts => File.Account.Organization is { } organization ? organization.Members + 1 : 1;

    /// <summary>Whether loading ends by delivering the trails' log files (otherwise the first read of a trail bucket does).</summary>
    public bool DeliverLogs { get; init; } = true;

    public YamlScenario WithoutLogDelivery() => new(File) { DeliverLogs = false };

    public static YamlScenario Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        try
        {
            return new YamlScenario(deserializer.Deserialize<ScenarioFile>(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ScenarioException($"Scenario file is not valid: {e.Message} {e.InnerException?.Message}");
        }
    }

    public async Task<LoadedScenario> LoadAsync(RangeState state, Dispatcher dispatcher, DateTimeOffset start,
        CancellationToken ct)
    {
        var credentials = ScenarioSeed.Apply(state, File, start);
        var calls = ScenarioTimeline.Expand(File, state, start);
        var player = new ScenarioPlayer(state, dispatcher, start, credentials);
        await player.PlayAsync(calls, ct);
        ScenarioConnections.Open(state, File, player.Saved);
        if (DeliverLogs) lock (state.Sync) state.DeliverTrailLogs();
        return new LoadedScenario
        {
            Name = File.Name,
            Credentials = credentials,
            Leaked = File.LeakedCredential is { } leaked ? credentials.GetValueOrDefault(leaked) : null,
            Attackers = File.Actors.Where(a => a.Value.Attacker && credentials.ContainsKey(a.Value.Credential))
                .Select(a => new AttackerActor(a.Key, credentials[a.Value.Credential], a.Value.SourceIp, a.Value.UserAgent))
                .ToList(),
            GroundTruth = File.GroundTruth is null ? null : OrganizationTruth.Resolve(state, File, player, credentials),
            PlayedCalls = calls.Count,
            ResponderRole = ResponderRole.Of(state, File.Responder),
        };
    }
}
