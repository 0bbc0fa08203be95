using Shodo.Containment.Plan;

namespace Shodo.Bench.Containment;

/// <summary>
/// The critical-path lower bound of applying a plan: the longest chain of calls that must follow one
/// another — who am I; each identity's deny policy, then its keys (one request per key); each instance's
/// steps in order, then what relaunches it — where every change needs its request and one read that
/// confirms it, and verification needs at least one more read. Targets and regions run in parallel, so
/// only the longest chain of each phase counts. Times the range's minimum latency per call.
/// </summary>
public static class CriticalPath
{
    public static int SequentialCalls(ContainmentPlan plan, IReadOnlyDictionary<string, int> keysPerUser)
    {
        int Chain(IEnumerable<PlannedAction> actions) => actions.GroupBy(a => a.Target.Key)
            .Select(g => g.Sum(a => a.Action == "deactivate-access-keys" ? keysPerUser.GetValueOrDefault(a.Target.Id, 1) + 1 : 2))
            .DefaultIfEmpty(0).Max();
        var identities = Chain(plan.Actions.Where(a => a.Phase == 1)) + Chain(plan.Actions.Where(a => a.Phase == 2));
        var regions = plan.Actions.Where(a => a.Phase >= 3).GroupBy(a => a.Target.Region)
            .Select(r => Chain(r.Where(a => a.Phase == 3)) + Chain(r.Where(a => a.Phase >= 4))).DefaultIfEmpty(0).Max();
        return 1 + identities + regions + 1;
    }
}
