using Shodo.Cases;

namespace Shodo.Tests.Containment;

/// <summary>With 20% throttling and 5% server errors on every call, apply still completes and verifies.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Apply_completes_and_verifies_under_throttling_and_server_errors()
    {
        await using var env = await LeakedKeyRange.StartAsync(throttle: 0.2, errors: 0.05);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            await contain.ApproveAllAsync(plan, sha);
            var result = await contain.ApplyAsync(plan, sha);
            Assert.True(result.Contained, string.Join("\n", result.Actions.Where(a => a.Reason is not null).Select(a => $"{a.ActionId} {a.Outcome} {a.Reason}")));
            Assert.Empty(env.ChangesMadeTwice());
        }
        int faults;
        lock (env.Range.State.Sync) faults = env.Range.State.Calls.Count(c => c.ErrorCode is "Throttling" or "RequestLimitExceeded" or "InternalError" or "ServiceUnavailable" or "InternalFailure" or "Unavailable" or "ServiceFailure");
        Assert.True(faults > 20, $"only {faults} faults were injected");
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
