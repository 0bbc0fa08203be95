using Shodo.Aws.Resilience;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Cases;
using Shodo.Containment.Actions;
using Shodo.Containment.Record;
using Shodo.Containment.Authority;
using Shodo.Containment.Doors;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;
using Shodo.Diagnostics;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Containment.Planning;

/// <summary>
/// Builds the containment plan from the investigation's confirmed identities and attacker resources
/// (plus what the last verification attributed to the attacker): reads every target fresh, stores that
/// read as evidence, and lists the actions in order — deny policies, keys, then per instance tag,
/// snapshot, clear stop protection, termination protection, stop (or isolate) — then what would relaunch
/// instances (the Auto Scaling groups of attacker instances are targets too, held before their members stop) — each registered action deciding for itself whether and how it applies (<see cref="IContainmentAction.PlanFor"/>).
/// Actions already done (per the journal) are not planned again. Refuses when the
/// responder's own identity is among the compromised. A read that fails after every retry stops only
/// what depends on it: a target that could not be read is left out of this plan, a part of the baseline
/// that could not be read is left unknown, and each is listed in <see cref="ContainmentPlan.Unread"/> and
/// journaled with the plan.
/// </summary>
public sealed class Planner(AwsConnection aws, Case @case, AuthorityPolicy authority, TimeProvider time)
{
    /// <summary>Builds the plan, writes plan.json and journals <c>containment.planned</c> with its SHA-256.</summary>
    public async Task<(ContainmentPlan Plan, string Sha256)> WriteAsync(CancellationToken ct, PlanningInput? input = null)
    {
        var plan = await BuildAsync(input ?? PlanningInput.FromCase(@case.Folder), ct).ConfigureAwait(false);
        return (plan, await RecordAsync(plan, ct).ConfigureAwait(false));
    }

    /// <summary>Writes a plan as plan.json and journals <c>containment.planned</c> with its SHA-256, which apply then requires.</summary>
    public async Task<string> RecordAsync(ContainmentPlan plan, CancellationToken ct)
    {
        var sha = await PlanFile.WriteAsync(@case, plan, ct).ConfigureAwait(false);
        var planned = new JsonObject
        {
            ["planSha256"] = sha,
            ["actions"] = plan.Actions.Count,
            ["alreadyDone"] = plan.AlreadyDone.Count,
            ["needApproval"] = plan.Actions.Count(a => a.Authority == AuthorityLevel.Approver && !plan.AlreadyDone.Contains(a.Id)),
        };
        if (plan.Unread.Count > 0) planned["unread"] = UnreadItem.ToJson(plan.Unread);
        await @case.Journal.AppendAsync(ContainmentJournalKinds.Planned, planned,
            Messages.Get("ContainPlannedWhy", plan.Actions.Count - plan.AlreadyDone.Count), ct).ConfigureAwait(false);
        return sha;
    }

    public Task<ContainmentPlan> BuildAsync(CancellationToken ct) => BuildAsync(PlanningInput.FromCase(@case.Folder), ct);

    public async Task<ContainmentPlan> BuildAsync(PlanningInput input, CancellationToken ct)
    {
        var me = await TransientRetry.RunAsync(() => aws.WhoAmIAsync(ct), time, ct).ConfigureAwait(false);
        var (identities, resources, findings) = (input.Identities, input.Resources, input.Findings);
        var callerKey = (await aws.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
        // Shodo's own session's issue time, by AWS's clock: a cut of the role it runs as must spare it.
        var cut = input.ResponderSession is { } c && c.Spares(c.RoleName, aws.SessionIssuedAt) ? c : null;
        ResponderGuard.Check(me, callerKey, identities, resources, cut, aws.SessionIssuedAt);

        var targets = new TargetSet();
        foreach (var identity in identities) AddIdentity(targets, identity);
        foreach (var resource in resources) AddResource(targets, resource, identities);
        SuspectedTargets.Add(targets, Investigation.Suspicion.SuspectedFile.Read(@case.Folder));
        var unread = new System.Collections.Concurrent.ConcurrentQueue<UnreadItem>();
        await OrganizationLever.AddAsync(aws, @case.Folder, me, identities, targets, unread, time, ct, input.AccountsReached, input.MemberSessions)
            .ConfigureAwait(false);
        var (newUsers, newUsersError) = await TransientRetry.TryAsync(() => NewUserSuspicion.ReadAsync(aws, @case.Folder, ct), time, ct).ConfigureAwait(false);
        if (newUsersError is not null) unread.Enqueue(UnreadItem.From(ScopeNewUsers, null, newUsersError));
        SuspectedTargets.Add(targets, newUsers ?? []);
        // Read beside the targets (only the plan's record waits for it), or the one read when the pursuit began.
        var baseline = input.Baseline is { } early ? EarlierAsync(early, unread) : BaselineAsync(unread, input.LiveBaseline, ct);
        var aliases = AliasAsync(unread, ct);
        var plan = await PlanTargetsAsync(me, targets, identities.Select(i => i.Id).ToList(),
            identities.Select(i => i.AccessKeyId).OfType<string>().ToList(), findings, baseline, unread, ct, cut: cut).ConfigureAwait(false);
        var alias = await aliases.ConfigureAwait(false);
        return plan with { AccountAlias = alias, Unread = Sorted(unread) };
    }

    /// <summary>
    /// The first move's plan: the leaked key's owner only — its keys and Shodo's deny — read fresh (the read is the
    /// before-state stored as evidence), with no account-wide baseline and nothing from an investigation, so the
    /// key can be cut within a few round trips of the start. The later, whole plan finds these actions done.
    /// </summary>
    public async Task<ContainmentPlan> BuildFirstMoveAsync(CallerIdentity me, ContainmentTarget principal, string? accessKeyId, CancellationToken ct)
    {
        var callerKey = (await aws.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
        var identity = accessKeyId is null ? $"user:{principal.Id}"
            : AccessKeyIdFormat.IsTemporary(accessKeyId) ? $"session-key:{accessKeyId}" : $"access-key:{accessKeyId}";
        ResponderGuard.CheckPrincipal(me, callerKey, principal, accessKeyId);
        var targets = new TargetSet();
        var g = targets.Add(principal, identity);
        g.Identities.Add(identity);
        g.Because(accessKeyId is null ? Messages.Get("FirstMoveReasonUser") : Messages.Get("FirstMoveReasonKey", accessKeyId));
        var unread = new System.Collections.Concurrent.ConcurrentQueue<UnreadItem>();
        var plan = await PlanTargetsAsync(me, targets, [identity], accessKeyId is null ? [] : [accessKeyId], [],
            Task.FromResult((new PlanBaseline(), new List<string>())), unread, ct, FirstMoveActions).ConfigureAwait(false);
        return plan;
    }

    /// <summary>What the first move does to the key's owner: the deny and every key Inactive, at once; nothing else waits on it.</summary>
    public static IReadOnlySet<string> FirstMoveActions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "attach-deny-policy", "deactivate-access-keys",
    };

    private async Task<string?> AliasAsync(System.Collections.Concurrent.ConcurrentQueue<UnreadItem> unread, CancellationToken ct)
    {
        var (aliases, aliasError) = await TransientRetry.TryAsync(() => aws.Iam().ListAllAsync(new ListAccountAliases(), ct), time, ct)
            .ConfigureAwait(false);
        if (aliasError is not null) unread.Enqueue(UnreadItem.From("iam:account-alias", null, aliasError));
        return aliases?.FirstOrDefault();
    }

    private async Task<ContainmentPlan> PlanTargetsAsync(CallerIdentity me, TargetSet targets, IReadOnlyList<string> identityIds,
        IReadOnlyList<string> accessKeyIds, IReadOnlyList<Finding> findings, Task<(PlanBaseline Baseline, List<string> Evidence)> baselineRead,
        System.Collections.Concurrent.ConcurrentQueue<UnreadItem> unread, CancellationToken ct, IReadOnlySet<string>? only = null,
        ResponderSessionCut? cut = null)
    {
        var context = new ContainmentContext(aws, @case.Manifest.Id, time, (_, _, _) => Task.CompletedTask);
        var plannedAt = time.GetUtcNow();
        var ledger = ContainmentLedger.Read(@case);
        var done = ledger.FinalActions().ToHashSet(StringComparer.Ordinal);
        var actions = new List<PlannedAction>();
        var evidence = new List<string>();
        using var gate = new SemaphoreSlim(TargetsReadAtOnce);
        var instanceGroups = new InstanceGroups();
        async Task<(List<PlannedAction> Actions, string? Evidence)[]> PlanAll(IEnumerable<TargetGroup> all) => await Task.WhenAll(all.Select(async g =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var (read, error) = await TransientRetry.TryAsync(() => PlanTargetAsync(context, g, findings, done, instanceGroups, only, ct, cut), time, ct).ConfigureAwait(false);
                if (error is null) return read;
                unread.Enqueue(UnreadItem.From(g.Target, error)); // the other targets go on without it
                return ([], null);
            }
            finally { gate.Release(); }
        })).ConfigureAwait(false);
        var perTarget = await PlanAll(targets.All).ConfigureAwait(false);
        perTarget = [.. perTarget, .. await PlanAll(instanceGroups.NotIn(targets)).ConfigureAwait(false)];
        foreach (var (list, sha) in perTarget)
        {
            if (sha is not null) evidence.Add(sha);
            actions.AddRange(list);
        }
        var baseline = await baselineRead.ConfigureAwait(false);
        evidence.InsertRange(0, baseline.Evidence);
        var alreadyDone = actions.Where(a => done.Contains(a.Id)).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        return new ContainmentPlan
        {
            CaseId = @case.Manifest.Id,
            AccountId = me.Account,
            PlannedAt = plannedAt,
            PlannedBy = me.Arn,
            Actions = actions
                .OrderBy(a => a.Phase).ThenBy(a => a.Target.Region ?? "", StringComparer.Ordinal)
                .ThenBy(a => a.Target.Id, StringComparer.Ordinal).ThenBy(a => a.Step).ToList(),
            AlreadyDone = alreadyDone,
            Attackers = new PlanIdentities
            {
                Ids = identityIds,
                UserNames = targets.All.Where(t => t.Target.Kind == TargetKinds.User).Select(t => t.Target.Id).Order(StringComparer.Ordinal).ToList(),
                RoleNames = targets.All.Where(t => t.Target.Kind == TargetKinds.Role).Select(t => t.Target.Id).Order(StringComparer.Ordinal).ToList(),
                AccessKeyIds = accessKeyIds.Distinct().Order(StringComparer.Ordinal).ToList(),
            },
            Baseline = baseline.Baseline with { Evidence = evidence },
            Unread = Sorted(unread),
        };
    }

    private static List<UnreadItem> Sorted(IEnumerable<UnreadItem> unread) =>
        unread.OrderBy(u => u.Scope, StringComparer.Ordinal).ThenBy(u => u.Region, StringComparer.Ordinal).ToList();

    private static void AddIdentity(TargetSet targets, AttackerIdentity i)
    {
        switch (i.Kind)
        {
            case IdentityKind.User:
                targets.User(i.Name, i, i.Reason).CreatedByAttacker |= i.CreatedByAttacker;
                break;
            case IdentityKind.AccessKey when EscalateRootKey.IsRootKey(i.Arn, i.Owner):
                var root = targets.Add(new ContainmentTarget(TargetKinds.RootAccessKey, i.AccessKeyId ?? i.Name, null), i.Id);
                if (!root.Identities.Contains(i.Id)) root.Identities.Add(i.Id);
                root.Because(i.Reason);
                break;
            case IdentityKind.AccessKey or IdentityKind.LoginProfile when i.Owner is { } owner:
                targets.User(owner, i, i.Reason);
                break;
            case IdentityKind.SessionKey when i.Owner is { } owner:
                if (i.Arn?.Contains(":assumed-role/", StringComparison.Ordinal) == true)
                    AddRole(targets, owner, i);
                else targets.User(owner, i, i.Reason);
                break;
            case IdentityKind.Role:
                AddRole(targets, i.Name, i);
                break;
        }
    }

    private static void AddRole(TargetSet targets, string role, AttackerIdentity i)
    {
        var g = targets.Add(new ContainmentTarget(TargetKinds.Role, role, null), i.Id);
        if (!g.Identities.Contains(i.Id)) g.Identities.Add(i.Id);
        g.Because(i.Reason);
    }

    private static void AddResource(TargetSet targets, AttackerResource r, IReadOnlyList<AttackerIdentity> identities)
    {
        var reason = $"created by {r.CreatedBy ?? "the attacker"}";
        TargetGroup? g = r.Type switch
        {
            ResourceTypes.Instance => targets.Add(new ContainmentTarget(TargetKinds.Instance, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.SpotRequest when (string?)r.Attributes["type"] is "persistent" || (string?)r.Attributes["market"] is "spot-persistent"
                => targets.Add(new ContainmentTarget(TargetKinds.SpotRequest, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.SpotFleet => targets.Add(new ContainmentTarget(TargetKinds.SpotFleet, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.Ec2Fleet => targets.Add(new ContainmentTarget(TargetKinds.Ec2Fleet, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.AutoScalingGroup => targets.Add(new ContainmentTarget(TargetKinds.AutoScalingGroup, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.SharedDbSnapshot => targets.Add(new ContainmentTarget(TargetKinds.DbSnapshot, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.SharedEbsSnapshot => targets.Add(new ContainmentTarget(TargetKinds.EbsSnapshot, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.SharedDbClusterSnapshot => targets.Add(new ContainmentTarget(TargetKinds.DbClusterSnapshot, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.SharedImage => targets.Add(new ContainmentTarget(TargetKinds.Image, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.OpenedBucket => targets.Add(new ContainmentTarget(TargetKinds.Bucket, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.OutsideKmsGrant => targets.Add(new ContainmentTarget(TargetKinds.KmsGrant, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.OpenedKeyPolicy => targets.Add(new ContainmentTarget(TargetKinds.KmsKeyPolicy, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.WeakenedAccountPublicAccessBlock => targets.Add(new ContainmentTarget(TargetKinds.AccountPublicAccessBlock, r.ResourceId, null), r.CreatedBy),
            ResourceTypes.User => targets.User(r.ResourceId, null, $"IAM user {reason}"),
            ResourceTypes.AccessKey or ResourceTypes.LoginProfile when UserOf(r) is { } user => targets.User(user, null, $"{r.Type} {reason}"),
            _ => null,
        };
        if (g is null) return;
        if (r.Type == ResourceTypes.User) g.CreatedByAttacker = true;
        if (!g.Resources.Contains(r.Id)) g.Resources.Add(r.Id);
        g.Because(r.Type switch
        {
            ResourceTypes.User => $"IAM user {reason}",
            ResourceTypes.SharedDbSnapshot or ResourceTypes.SharedEbsSnapshot or ResourceTypes.SharedDbClusterSnapshot or ResourceTypes.SharedImage => $"shared with an outside account by {r.CreatedBy ?? "the attacker"}",
            ResourceTypes.OpenedBucket => $"opened (policy, ACL or Block Public Access changed) by {r.CreatedBy ?? "the attacker"}",
            ResourceTypes.OutsideKmsGrant => $"KMS grant for another account created by {r.CreatedBy ?? "the attacker"}",
            ResourceTypes.OpenedKeyPolicy => $"KMS key policy opened to another account by {r.CreatedBy ?? "the attacker"}",
            _ => $"{r.Type} {reason}",
        });
        g.Identity ??= r.CreatedBy;
    }

    private static string? UserOf(AttackerResource r) =>
        (string?)r.Attributes["userName"] ?? (r.Type == ResourceTypes.LoginProfile ? r.ResourceId : r.Name);

    private async Task<(List<PlannedAction> Actions, string? Evidence)> PlanTargetAsync(ContainmentContext c, TargetGroup g,
        IReadOnlyList<Finding> findings, IReadOnlySet<string> done, InstanceGroups instanceGroups, IReadOnlySet<string>? only, CancellationToken ct,
        ResponderSessionCut? cut = null)
    {
        var t = g.Target;
        JsonObject state = t.Kind switch
        {
            TargetKinds.User => await UserState.ReadAsync(c, t.Id, keys: true, policy: true, ct, detail: only is not null, login: true).ConfigureAwait(false),
            TargetKinds.Role => await RoleState.ReadAsync(c, t.Id, ct).ConfigureAwait(false),
            TargetKinds.Instance => await InstanceRead.ReadAsync(c, t.Region!, t.Id, attributes: true, ct).ConfigureAwait(false),
            TargetKinds.SpotRequest => await SpotRequestState.ReadAsync(c, t.Region!, t.Id, ct).ConfigureAwait(false),
            _ when DataDoors.For(t.Kind) is { } door => await door.ReadAsync(c, t, ct).ConfigureAwait(false),
            TargetKinds.AutoScalingGroup => await AutoScalingGroupState.ReadAsync(c, t.Region!, t.Id, ct).ConfigureAwait(false),
            TargetKinds.SpotFleet => await SpotFleetState.ReadAsync(c, t.Region!, t.Id, ct).ConfigureAwait(false),
            TargetKinds.Ec2Fleet => await Ec2FleetState.ReadAsync(c, t.Region!, t.Id, ct).ConfigureAwait(false),
            TargetKinds.OrganizationAccount => await OrganizationAccountState.ReadAsync(c, t.Id, g.Principals, ct).ConfigureAwait(false),
            TargetKinds.KmsGrant => await KmsGrantState.ReadAsync(c, t, ct).ConfigureAwait(false),
            _ => new JsonObject { ["exists"] = true, ["id"] = t.Id },
        };
        if (t.Kind == TargetKinds.Instance && (string?)state["spotInstanceRequestId"] is { } sir && InstanceRead.Exists(state))
            state["spotRequest"] = await SpotRequestState.ReadAsync(c, t.Region!, sir, ct).ConfigureAwait(false);
        if (t.Kind == TargetKinds.Instance && InstanceRead.Exists(state)) await InstanceFleet.NoteAsync(c, t.Region!, state, ct).ConfigureAwait(false);
        if ((bool?)state["exists"] != true) return ([], null);
        if (t.Kind == TargetKinds.Instance && InstanceRead.IsGone(state)) return ([], null);
        instanceGroups.Note(g, state);

        var record = await @case.Evidence.StoreAsync(JsonSerializer.SerializeToUtf8Bytes(state),
            new EvidenceDescriptor(t.Kind.StartsWith("iam", StringComparison.Ordinal) ? "iam" : t.Kind.StartsWith("rds", StringComparison.Ordinal) ? "rds"
                : t.Kind == TargetKinds.AutoScalingGroup ? "autoscaling" : t.Kind == TargetKinds.OrganizationAccount ? "organizations"
                : t.Kind == TargetKinds.KmsGrant ? "kms" : "ec2", "ContainmentTargetRead", t.Region)
            {
                ContentType = "application/json", Parameters = new JsonObject { ["target"] = t.Key }, Time = time.GetUtcNow(),
            }, ct).ConfigureAwait(false);
        var related = findings.Where(f => f.Identities.Intersect(g.Identities).Any() || f.Resources.Intersect(g.Resources).Any()
                                          || (g.Identity is not null && f.Identities.Contains(g.Identity)))
            .Select(f => f.Id).ToList();
        var fingerprint = Fingerprint(t, state);
        var planning = new PlanningTarget(t, state, g.CreatedByAttacker, c.CaseId)
        {
            IssuedBefore = t.Kind == TargetKinds.Role && cut?.RoleName == t.Id ? cut.IssuedBefore : g.IssuedBefore,
        };
        var list = new List<PlannedAction>();
        foreach (var action in ActionRegistry.All.Where(a => a.AppliesTo.Contains(t.Kind) && (only is null || only.Contains(a.Name))))
        {
            if (action.PlanFor(planning) is not { } p) continue;
            p["caseId"] = c.CaseId;
            var order = action.OrderFor(t.Kind);
            var id = $"{action.Name}/{t.Key}";
            var planned = new PlannedAction
            {
                Id = action.RedoneWhenUndone ? RedoneActionId.Next(id, done) : id, Action = action.Name, Target = t, Identity = g.Identity,
                Reason = string.Join("; ", g.Reasons), Identities = g.Identities, Resources = g.Resources, Findings = related,
                BeforeEvidence = record.Sha256, Fingerprint = fingerprint.DeepClone().AsObject(),
                ExpectedAfter = "", Reversible = action.Reversible, Reverse = action.HowToReverse,
                Authority = g.Suspected ? authority.ForSuspected(action.Name, t.Kind) : authority.For(action.Name, t.Kind), Phase = order.Phase, Step = order.Step, Parameters = p,
            };
            // Redone only once undone: while its after-state still holds, the one done last stands (already done).
            if (planned.Id != id && action.Holds(planned, state)) planned = planned with { Id = RedoneActionId.LastDone(id, done) };
            list.Add(planned with { ExpectedAfter = action.ExpectedAfter(planned) });
        }
        return (list, record.Sha256);
    }

    private static JsonObject Fingerprint(ContainmentTarget t, JsonObject state)
    {
        var fields = t.Kind switch
        {
            TargetKinds.User => new[] { "userId" },
            TargetKinds.Role => ["roleId"],
            TargetKinds.Instance => ["vpcId", "rootDeviceType", "lifecycle"],
            _ => [],
        };
        return new JsonObject(fields.Select(f => KeyValuePair.Create(f, state[f]?.DeepClone())));
    }

    /// <summary>
    /// The users and instances the account held, stored as evidence, to tell later what appeared since.
    /// What counts as "new" is measured against the state <c>shodo collect</c> recorded before anything
    /// changed, where the case has it: a user or instance the attacker made between that record and this
    /// plan is in no investigation document, and only a baseline older than it shows it up for the
    /// verification to attribute and a re-plan to contain. Users and regions the collection did not record
    /// are read now; what can be read neither way is left unknown (<paramref name="unread"/>), not empty.
    /// </summary>
    private async Task<(PlanBaseline Baseline, List<string> Evidence)> BaselineAsync(System.Collections.Concurrent.ConcurrentQueue<UnreadItem> unread,
        bool readLive, CancellationToken ct)
    {
        var evidence = readLive ? StoredAnswers.Nothing(@case) : StoredAnswers.Load(@case);
        var recorded = readLive ? new AccountSnapshot() : await AccountSnapshot.BuildAsync(evidence, ct).ConfigureAwait(false);

        IReadOnlyList<string> users = [];
        if (evidence.Any("iam", "ListUsers"))
            users = recorded.Users.Select(u => u.UserName).Distinct().Order(StringComparer.Ordinal).ToList();
        else
        {
            var (live, error) = await TransientRetry.TryAsync(() => aws.Iam().ListAllAsync(new ListUsers(), ct), time, ct).ConfigureAwait(false);
            if (error is not null) unread.Enqueue(UnreadItem.From(ScopeUsers, null, error));
            users = (live ?? []).Select(u => u.UserName).Order(StringComparer.Ordinal).ToList();
        }

        var (enabled, regionsError) = await TransientRetry.TryAsync(() => RegionDiscovery.EnabledAsync(aws, ct), time, ct).ConfigureAwait(false);
        var regions = enabled?.Select(r => r.Name).ToList() ?? recorded.Regions.Select(r => r.Name).Distinct().ToList();
        if (regionsError is not null && regions.Count == 0) unread.Enqueue(UnreadItem.From(ScopeRegions, null, regionsError));
        var recordedRegions = recorded.Instances.Select(i => i.Region)
            .Concat(evidence.Records("ec2", "DescribeInstances").Select(r => r.Region).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var instances = await Task.WhenAll(regions.Select(async region =>
        {
            if (recordedRegions.Contains(region))
                return (region, Ids: (IReadOnlyList<string>?)recorded.Instances.Where(i => i.Region == region).Select(i => i.InstanceId)
                    .Order(StringComparer.Ordinal).ToList());
            var (live, error) = await TransientRetry.TryAsync(() => AccountInstances.ListAsync(aws, region, ct), time, ct).ConfigureAwait(false);
            if (error is not null) unread.Enqueue(UnreadItem.From(ScopeInstances, region, error));
            return (region, Ids: live?.Select(i => i.InstanceId).ToList());
        })).ConfigureAwait(false);

        var baseline = new PlanBaseline
        {
            Users = users,
            Instances = instances.Where(x => x.Ids is not null).ToDictionary(x => x.region, x => x.Ids!, StringComparer.Ordinal),
        };
        var record = await @case.Evidence.StoreAsync(JsonSerializer.SerializeToUtf8Bytes(baseline, InvestigationFiles.Json),
            new EvidenceDescriptor("containment", "PlanBaseline", null) { ContentType = "application/json", Time = time.GetUtcNow() }, ct)
            .ConfigureAwait(false);
        return (baseline, [record.Sha256]);
    }

    /// <summary>
    /// The baseline read now from AWS (users, instances per region), stored as evidence: given to later plans
    /// (<see cref="PlanningInput.Baseline"/>), what appears after this moment is new to their verification.
    /// </summary>
    public async Task<BaselineRead> ReadBaselineAsync(CancellationToken ct)
    {
        var unread = new System.Collections.Concurrent.ConcurrentQueue<UnreadItem>();
        var (baseline, evidence) = await BaselineAsync(unread, readLive: true, ct).ConfigureAwait(false);
        return new BaselineRead(baseline, evidence, [.. unread]);
    }

    private static async Task<(PlanBaseline Baseline, List<string> Evidence)> EarlierAsync(Task<BaselineRead> early,
        System.Collections.Concurrent.ConcurrentQueue<UnreadItem> unread)
    {
        var read = await early.ConfigureAwait(false);
        foreach (var u in read.Unread) unread.Enqueue(u);
        return (read.Baseline, [.. read.Evidence]);
    }

    /// <summary>
    /// Targets read at once while planning: each is a few round trips, most of the time waiting on the network, and they are
    /// spread over the regions (a pursuit's sixty targets are about three reads a region, far below EC2's request rates); as
    /// many as apply works on at once (<see cref="Apply.ApplyOptions.Parallelism"/>), so the last target's read does not wait
    /// for two rounds of others.
    /// </summary>
    private const int TargetsReadAtOnce = 48;

    /// <summary>The baseline's parts, as <see cref="UnreadItem.Scope"/> names them when they could not be read.</summary>
    public const string ScopeUsers = "iam:users", ScopeRegions = "ec2:regions", ScopeInstances = "ec2:instances";

    /// <summary>The users that appeared while the response ran, unattributed, when they could not be weighed.</summary>
    public const string ScopeNewUsers = "iam:new-users";
}
