using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Scenarios;

/// <summary>A named scenario the range can start with (a YAML file, or a generator for large ones).</summary>
public interface IScenario
{
    string Name { get; }

    /// <summary>The account id the scenario needs, or null for the range's default.</summary>
    string? AccountId { get; }

    /// <summary>How many accounts the scenario needs: 1, or an organisation of that many (the management account and members).</summary>
    int Accounts => 1;

    /// <summary>
    /// Seeds the state and plays the history, with times relative to <paramref name="start"/> (the
    /// simulated now when the range starts). Runs before the range accepts requests.
    /// </summary>
    Task<LoadedScenario> LoadAsync(RangeState state, Dispatcher dispatcher, DateTimeOffset start, CancellationToken ct);
}
