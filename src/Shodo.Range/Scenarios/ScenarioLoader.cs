using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Loads a scenario into a range before it serves: seeds and plays it with "now" as the start, then
/// puts the simulated clock back where it would have been had no time been spent playing.
/// </summary>
public static class ScenarioLoader
{
    public static async Task<LoadedScenario> LoadAsync(IScenario scenario, RangeState state, Dispatcher dispatcher,
        TimeProvider time, CancellationToken ct)
    {
        var offset = state.Clock.Now - time.GetUtcNow();
        var start = state.Clock.Now;
        try
        {
            return await scenario.LoadAsync(state, dispatcher, start, ct);
        }
        finally
        {
            state.Clock.Set(time.GetUtcNow() + offset);
        }
    }
}
