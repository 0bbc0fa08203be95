using Shodo.Cases;
using Shodo.Containment;
using Shodo.Range.Adversary;
using Shodo.Range.Services.Iam;
using Shodo.Range.State;

namespace Shodo.Drill;

/// <summary>
/// The adversary's successes after containment, split by who could have stopped them. Most credentials are within a
/// responder's reach (a key set Inactive, a deny on its user or role): a success with one is a failure of the response.
/// Some are beyond any IAM principal: the root user's access key (only root can deactivate it, no identity policy binds
/// root) and a session of a role only AWS can modify (Identity Center, service-linked: only an SCP from the
/// organisation's management account stops it). A success with one of those counts as <see cref="BeyondReach"/> only
/// when the response escalated that principal as a person's decision (a <c>needs-decision</c> outcome in the journal);
/// otherwise the response did not even say so, and it counts against containment like any other. A credential such a
/// credential created too late for the response to see it (a new backdoor key the root key made after the events the
/// response's last look could read) is beyond reach with it; one created earlier is within reach (the watch must catch it).
/// </summary>
public sealed record AdversaryReach(long Reachable, IReadOnlyList<string> ReachableDetail, long BeyondReach, IReadOnlyList<string> BeyondReachDetail)
{
    /// <summary>
    /// Splits what succeeded between <paramref name="before"/> and <paramref name="after"/> (the adversary's successes by
    /// "service:Operation KEYID") by the credential's principal in the range and the decisions the journal escalated.
    /// </summary>
    public static AdversaryReach Split(RangeState state, IReadOnlyList<JournalEntry> journal,
        IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after,
        IReadOnlyList<AdversaryCreation>? created = null, DateTimeOffset? unseenAfter = null)
    {
        var madeAfter = (created ?? []).Where(c => c.At > unseenAfter && c.By is not null && c.Kind is "access-key" or "session-key")
            .GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().By!, StringComparer.Ordinal);
        string? DecisionFor(string keyId, int depth = 0) =>
            BeyondReachDecision(state, keyId) ?? (depth < 16 && madeAfter.TryGetValue(keyId, out var by) ? DecisionFor(by, depth + 1) : null);
        var decided = journal.Where(e => e.Kind == ContainmentJournalKinds.Outcome && (string?)e.Data["outcome"] == Outcomes.NeedsDecision)
            .Select(e => (string?)e.Data["actionId"]).OfType<string>()
            .Select(id => id.Split('#')[0]).ToHashSet(StringComparer.Ordinal); // a re-planned action is ID#2, ...
        long reachable = 0, beyond = 0;
        List<string> reachableDetail = [], beyondDetail = [];
        foreach (var (operation, count) in after.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var delta = count - before.GetValueOrDefault(operation);
            if (delta <= 0) continue;
            var keyId = operation[(operation.LastIndexOf(' ') + 1)..];
            var escalatedAs = DecisionFor(keyId) is { } actionId && decided.Contains(actionId) ? actionId : null;
            if (escalatedAs is null)
            {
                reachable += delta;
                reachableDetail.Add($"{operation}: {delta}");
            }
            else
            {
                beyond += delta;
                beyondDetail.Add($"{operation}: {delta} ({escalatedAs})");
            }
        }
        return new AdversaryReach(reachable, reachableDetail, beyond, beyondDetail);
    }

    /// <summary>
    /// The containment action whose escalated decision is all a responder can do about this credential: the root key's
    /// escalation, or the deny a protected role cannot take; null when an IAM principal can contain it.
    /// </summary>
    public static string? BeyondReachDecision(RangeState state, string accessKeyId)
    {
        lock (state.Sync)
        {
            var iam = state.Iam;
            if (iam.RootAccessKeys.Any(k => k.AccessKeyId == accessKeyId))
                return $"escalate-root-key/{new ContainmentTarget(TargetKinds.RootAccessKey, accessKeyId, null).Key}";
            if (iam.Sessions.TryGetValue(accessKeyId, out var session))
            {
                if (session.SourceAccessKeyId is { } source && iam.RootAccessKeys.Any(k => k.AccessKeyId == source))
                    return $"escalate-root-key/{new ContainmentTarget(TargetKinds.RootAccessKey, source, null).Key}";
                if (session.RoleName is { } roleName && iam.Role(roleName) is { } role && ProtectedRoles.IsProtected(role))
                    return $"attach-deny-policy/{new ContainmentTarget(TargetKinds.Role, role.RoleName, null).Key}";
            }
            return null;
        }
    }
}
