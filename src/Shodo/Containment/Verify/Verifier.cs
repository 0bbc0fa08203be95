using Shodo.Aws;
using Shodo.Aws.Resilience;
using System.Text.Json.Nodes;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Actions;
using Shodo.Containment.Record;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Containment.Reads;
using Shodo.Investigation.Model;

namespace Shodo.Containment.Verify;

/// <summary>
/// After apply: re-reads every target of the plan and checks its after-state, then looks for what
/// appeared since planning — IAM users, instances in every enabled region — and asks CloudTrail who
/// created them. Writes containment-verification.json and journals <c>containment.verified</c>. Each of
/// those reads stands alone: one that fails after every retry (or whose baseline the plan could not read)
/// is listed as unread — and the result is then not "contained" — while the others go on.
/// </summary>
public sealed class Verifier(AwsConnection aws, ContainmentRecorder recorder, ContainmentPlan plan, string planSha256, TimeProvider time,
    TimeSpan? stuckStoppingAfter = null)
{
    public async Task<VerificationResult> RunAsync(CancellationToken ct)
    {
        var context = new ContainmentContext(aws, plan.CaseId, time, (_, _, _) => Task.CompletedTask);
        var unread = new System.Collections.Concurrent.ConcurrentQueue<UnreadItem>();
        // The targets' after-states and what appeared since planning are read at once: neither reads what the other finds.
        var checks = Task.WhenAll(plan.Actions.Select(a => CheckAsync(context, a, unread, ct)));
        var appeared = NewResourcesAsync(unread, ct);
        var remaining = (await checks.ConfigureAwait(false)).OfType<RemainingItem>().ToList();
        var newResources = await appeared.ConfigureAwait(false);
        var result = new VerificationResult(planSha256, time.GetUtcNow(), remaining, newResources)
        {
            Unread = unread.DistinctBy(u => (u.Scope, u.Region)).OrderBy(u => u.Scope, StringComparer.Ordinal)
                .ThenBy(u => u.Region, StringComparer.Ordinal).ToList(),
        };
        await VerificationFile.WriteAsync(recorder.Case, result, CancellationToken.None).ConfigureAwait(false);
        await recorder.AppendAsync(ContainmentJournalKinds.Verified, new JsonObject
        {
            ["planSha256"] = planSha256,
            ["contained"] = result.Contained,
            ["remaining"] = new JsonArray(remaining.Select(r => (JsonNode)new JsonObject
            {
                ["actionId"] = r.ActionId, ["target"] = r.Target, ["reason"] = r.Reason,
            }).ToArray()),
            ["newResources"] = new JsonArray(newResources.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id, ["type"] = r.Type, ["region"] = r.Region, ["resourceId"] = r.ResourceId, ["createdBy"] = r.CreatedBy,
            }).ToArray()),
            ["unread"] = UnreadItem.ToJson(result.Unread),
        }, null, CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    private async Task<RemainingItem?> CheckAsync(ContainmentContext c, PlannedAction a, System.Collections.Concurrent.ConcurrentQueue<UnreadItem> unread,
        CancellationToken ct)
    {
        var action = ActionRegistry.Get(a.Action);
        var outcome = recorder.Ledger.LastOutcome(a.Id);
        if (outcome is Outcomes.PendingApproval) return new(a.Id, a.Target.Key, "waiting for approval");
        try
        {
            var state = await TransientRetry.RunAsync(() => action.ReadAsync(c, a, ct), time, ct).ConfigureAwait(false);
            if (action.Holds(a, state))
                return action is StopInstance && StuckStop.Since(state, time.GetUtcNow(), stuckStoppingAfter ?? StuckStop.DefaultAfter) is { } since
                    ? new(a.Id, a.Target.Key, StuckStop.Reason(since))
                    : null;
            if (action is StopInstance or EnableTerminationProtection && InstanceRead.IsGone(state)) return null;
            return new(a.Id, a.Target.Key, outcome is null ? "not applied" : $"after-state does not hold (last outcome: {outcome})");
        }
        catch (Aws.Errors.AwsServiceError e)
        {
            unread.Enqueue(UnreadItem.From(a.Target, e));
            return new(a.Id, a.Target.Key, $"could not be read: {e.Code}");
        }
    }

    private async Task<List<AttackerResource>> NewResourcesAsync(System.Collections.Concurrent.ConcurrentQueue<UnreadItem> unread,
        CancellationToken ct)
    {
        var attribution = new CreatorAttribution(aws, plan);
        var found = new List<AttackerResource>();
        var unknown = plan.Unread.Select(u => (u.Scope, u.Region)).ToHashSet();
        // Known: what existed when the baseline was taken, and what this plan or an earlier round contains.
        var contained = plan.Actions.Select(a => a.Target)
            .Concat(recorder.Ledger.FinalActions().Select(TargetOf).OfType<ContainmentTarget>()).ToList();
        var known = plan.Baseline.Users.Concat(contained.Where(t => t.Kind == TargetKinds.User).Select(t => t.Id))
            .ToHashSet(StringComparer.Ordinal);
        var planned = contained.Where(t => t.Kind == TargetKinds.Instance).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

        async Task<T?> Read<T>(string scope, string? region, Func<Task<T>> read) where T : class
        {
            var (value, error) = await TransientRetry.TryAsync(read, time, ct).ConfigureAwait(false);
            if (error is not null) unread.Enqueue(UnreadItem.From(scope, region, error));
            return value;
        }
        async Task<IReadOnlyDictionary<string, string>> Creators(string region, string eventName) =>
            await Read(ScopeCreators, region, () => attribution.FindAsync(region, eventName, ct)).ConfigureAwait(false)
            ?? new Dictionary<string, string>();

        async Task<List<AttackerResource>> NewUsersAsync()
        {
            if (unknown.Contains((Planner.ScopeUsers, null)))
            {
                unread.Enqueue(plan.Unread.First(u => u.Scope == Planner.ScopeUsers));
                return [];
            }
            if (await Read(Planner.ScopeUsers, null, () => aws.Iam().ListAllAsync(new ListUsers(), ct)).ConfigureAwait(false) is not { } users)
                return [];
            var newUsers = users.Where(u => !known.Contains(u.UserName)).ToList();
            if (newUsers.Count == 0) return [];
            // IAM's events are recorded in the partition's home region (us-east-1, cn-north-1, us-gov-west-1).
            var creators = await Creators(AwsPartition.IamEventRegion(AwsPartition.OfRegion(aws.Region)), "CreateUser").ConfigureAwait(false);
            foreach (var u in newUsers.Where(u => creators.ContainsKey(u.UserName))) attribution.AddAttackerUser(u.UserName);
            return newUsers.Select(u => new AttackerResource
            {
                Id = $"{ResourceTypes.User}::{u.UserName}", Type = ResourceTypes.User, ResourceId = u.UserName, Name = u.UserName,
                CreatedAt = u.CreateDate, CreatedBy = creators.GetValueOrDefault(u.UserName),
            }).ToList();
        }
        // Users and regions at once; an instance's creator is looked up once the new users are known (one may have launched it).
        var userRead = NewUsersAsync();

        var regions = (await Read(Planner.ScopeRegions, null, () => RegionDiscovery.EnabledAsync(aws, ct)).ConfigureAwait(false))?
            .Select(r => r.Name).ToList() ?? plan.Baseline.Instances.Keys.ToList();
        var regionsUnknown = unknown.Contains((Planner.ScopeRegions, null));
        var perRegion = await Task.WhenAll(regions.Select(async region =>
        {
            // Without the plan's baseline for a region, nothing there can be called new: it is unread, not clean.
            if (unknown.Contains((Planner.ScopeInstances, region))
                || (regionsUnknown && !plan.Baseline.Instances.ContainsKey(region)))
            {
                unread.Enqueue(plan.Unread.FirstOrDefault(u => u.Scope == Planner.ScopeInstances && u.Region == region)
                               ?? plan.Unread.First(u => u.Scope == Planner.ScopeRegions) with { Region = region });
                return [];
            }
            var before = plan.Baseline.Instances.GetValueOrDefault(region) ?? [];
            if (await Read(Planner.ScopeInstances, region, () => AccountInstances.ListAsync(aws, region, ct)).ConfigureAwait(false) is not { } now)
                return [];
            var fresh = now.Where(i => !before.Contains(i.InstanceId) && !planned.Contains(i.InstanceId) && i.State is not ("terminated" or "shutting-down")).ToList();
            if (fresh.Count == 0) return [];
            await userRead.ConfigureAwait(false);
            var creators = await Creators(region, "RunInstances").ConfigureAwait(false);
            return fresh.Select(i => new AttackerResource
            {
                Id = $"{ResourceTypes.Instance}:{region}:{i.InstanceId}", Type = ResourceTypes.Instance, Region = region,
                ResourceId = i.InstanceId, State = i.State, CreatedAt = i.LaunchTime, CreatedBy = creators.GetValueOrDefault(i.InstanceId),
                Attributes = new JsonObject { ["instanceType"] = i.InstanceType, ["keyName"] = i.KeyName },
            }).ToList();
        })).ConfigureAwait(false);
        found.AddRange(await userRead.ConfigureAwait(false));
        found.AddRange(perRegion.SelectMany(x => x));
        return found;
    }

    /// <summary>Who created what appeared since the plan (CloudTrail), when it could not be read.</summary>
    public const string ScopeCreators = "cloudtrail:creators";

    /// <summary>The target of an action id (<c>stop-instance/ec2-instance:us-east-1:i-0abc</c>), or null.</summary>
    private static ContainmentTarget? TargetOf(string actionId)
    {
        var slash = actionId.IndexOf('/');
        var parts = slash < 0 ? [] : actionId[(slash + 1)..].Split(':', 3);
        return parts.Length == 3 ? new ContainmentTarget(parts[0], parts[2], parts[1] == "global" ? null : parts[1]) : null;
    }
}
