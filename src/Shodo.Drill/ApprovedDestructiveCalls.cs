using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Range.State;

namespace Shodo.Drill;

/// <summary>
/// The approved destructive steps Shodo sent (kms:RevokeGrant as revoke-kms-grant: <see cref="ApprovedDestructiveSteps"/>),
/// counted apart from destructive calls and read from both sides: the range's successful calls of a step's operation by Shodo,
/// and the journal's containment.changed entries of that operation (written only once the interlock let it through inside
/// an approved step). A call the range served that the journal does not show as such a step counts as a destructive call.
/// </summary>
public static class ApprovedDestructiveCalls
{
    public sealed record Split(long Approved, long Unapproved, IReadOnlyList<string> Detail);

    public static Split Read(RangeState state, IReadOnlyList<JournalEntry> journal, Func<string, bool> isShodo)
    {
        List<CallRecord> calls;
        lock (state.Sync)
            calls = state.Organization is { } organization
                ? [.. organization.Accounts.SelectMany(a => a.State.Calls).Where(c => c.Caller?.Type != Caller.AwsAccount)]
                : [.. state.Calls];
        var sent = calls.Count(c => c.ErrorCode is null && ApprovedDestructiveSteps.Keys.Contains($"{c.Service}:{c.EventName}")
                                    && isShodo(c.Caller?.Arn ?? ""));
        var journaled = journal.Where(e => e.Kind == ContainmentJournalKinds.Changed
                                           && ApprovedDestructiveSteps.Keys.Contains((string?)e.Data["operation"] ?? ""))
            .Select(e => $"{(string?)e.Data["operation"]} {(string?)e.Data["target"]}").ToList();
        var approved = Math.Min(sent, journaled.Count);
        return new Split(approved, sent - approved, journaled);
    }
}
