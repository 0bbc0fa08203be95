using Shodo.Range.Faults;
using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Scenarios;

/// <summary>
/// <c>leaked-key-blind</c>: the <c>leaked-key-cryptomining</c> story, played from its own file, in an account
/// with no trail (no log files, no data events) where CloudTrail's LookupEvents fails for the responder:
/// denied in every region unless the range's options name other sight faults (<c>--fail-lookup-events</c>,
/// <c>--blind-regions</c>). What the attacker did can only be read from the account's state.
/// </summary>
public sealed class LeakedKeyBlindScenario : IScenario
{
    public const string ScenarioName = "leaked-key-blind";
    private const string Story = "leaked-key-cryptomining";

    /// <summary>The blindness the scenario starts with: every LookupEvents denied.</summary>
    public static readonly IReadOnlyList<SightFault> DefaultSight = [new(SightSource.LookupEvents, SightFailure.AccessDenied)];

    private readonly YamlScenario _story = Blind((YamlScenario)ScenarioCatalog.Find(Story));

    public string Name => ScenarioName;
    public string? AccountId => _story.AccountId;

    public async Task<LoadedScenario> LoadAsync(RangeState state, Dispatcher dispatcher, DateTimeOffset start,
        CancellationToken ct)
    {
        var loaded = await _story.LoadAsync(state, dispatcher, start, ct);
        return new LoadedScenario
        {
            Name = ScenarioName, Credentials = loaded.Credentials, Leaked = loaded.Leaked, Attackers = loaded.Attackers,
            GroundTruth = loaded.GroundTruth, PlayedCalls = loaded.PlayedCalls, Sight = DefaultSight,
        };
    }

    /// <summary>The story without its trails (the attacker's StopLogging is still denied by the developers' guardrail).</summary>
    private static YamlScenario Blind(YamlScenario story)
    {
        story.File.Name = ScenarioName;
        story.File.Description = "The leaked-key-cryptomining attacker in an account with no trail, where LookupEvents fails.";
        story.File.CloudTrail.Trails.Clear();
        return story;
    }
}
