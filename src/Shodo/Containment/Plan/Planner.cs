using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Iam.Calls;
using Shodo.Cases;
using Shodo.Containment.Actions;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Reads;
using Shodo.Diagnostics;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Containment.Plan;

/// <summary>
/// Builds the containment plan from the investigation's confirmed identities and attacker resources
/// (plus what the last verification attributed to the attacker): reads every target fresh, stores that
/// read as evidence, and lists the actions in order — deny policies, keys, then per instance tag,
/// snapshot, clear stop protection, termination protection, stop (or isolate) — then what would relaunch
/// instances — each registered action deciding for itself whether and how it applies (<see cref="IContainmentAction.PlanFor"/>).
/// Actions already done (per the journal) are not planned again. Refuses when the
/// responder's own identity is among the compromised.
/// </summary>
public sealed class Planner(AwsConnection aws, Case @case, AuthorityPolicy authority, TimeProvider time)
{
    /// <summary>Builds the plan, writes plan.json and journals <c>containment.planned</c> with its SHA-256.</summary>
    public async Task<(ContainmentPlan Plan, string Sha256)> WriteAsync(CancellationToken ct)
    {
        var plan = await BuildAsync(ct).ConfigureAwait(false);
        var sha = await PlanFile.WriteAsync(@case, plan, ct).ConfigureAwait(false);
        await @case.Journal.AppendAsync(ContainmentJournalKinds.Planned, new JsonObject
        {
            ["planSha256"] = sha,
            ["actions"] = plan.Actions.Count,
            ["alreadyDone"] = plan.AlreadyDone.Count,
            ["needApproval"] = plan.Actions.Count(a => a.Authority == AuthorityLevel.Approver && !plan.AlreadyDone.Contains(a.Id)),
        }, Messages.Get("ContainPlannedWhy", plan.Actions.Count - plan.AlreadyDone.Count), ct).ConfigureAwait(false);
        return (plan, sha);
    }

    public async Task<ContainmentPlan> BuildAsync(CancellationToken ct)
    {
        var me = await aws.WhoAmIAsync(ct).ConfigureAwait(false);
        var dir = @case.Directory;
        var identities = InvestigationFiles.ReadIdentities(dir).Where(i => i.Confidence == Confidence.Confirmed).ToList();
        var resources = InvestigationFiles.ReadResources(dir).Concat(VerificationFile.AttributedResources(@case)).ToList();
        var findings = InvestigationFiles.ReadFindings(dir);
        var callerKey = (await aws.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
        ResponderGuard.Check(me, callerKey, identities, resources);

        var targets = new TargetSet();
        foreach (var identity in identities) AddIdentity(targets, identity);
        foreach (var resource in resources) AddResource(targets, resource, identities);

        var context = new ContainmentContext(aws, @case.Manifest.Id, time, (_, _, _) => Task.CompletedTask);
        var plannedAt = time.GetUtcNow();
        var (baseline, baselineEvidence) = await TransientRetry.RunAsync(() => BaselineAsync(ct), time, ct).ConfigureAwait(false);
        var ledger = ContainmentLedger.Read(dir);
        var done = ledger.FinalActions().ToHashSet(StringComparer.Ordinal);
        var actions = new List<PlannedAction>();
        var evidence = new List<string>(baselineEvidence);
        using var gate = new SemaphoreSlim(8);
        var perTarget = await Task.WhenAll(targets.All.Select(async g =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try { return await TransientRetry.RunAsync(() => PlanTargetAsync(context, g, findings, ct), time, ct).ConfigureAwait(false); }
            finally { gate.Release(); }
        })).ConfigureAwait(false);
        foreach (var (list, sha) in perTarget)
        {
            if (sha is not null) evidence.Add(sha);
            actions.AddRange(list);
        }
        var alreadyDone = actions.Where(a => done.Contains(a.Id)).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        var aliases = await aws.Iam().ListAllAsync(new ListAccountAliases(), ct).ConfigureAwait(false);
        return new ContainmentPlan
        {
            CaseId = @case.Manifest.Id,
            AccountId = me.Account,
            AccountAlias = aliases.FirstOrDefault(),
            PlannedAt = plannedAt,
            PlannedBy = me.Arn,
            Actions = actions
                .OrderBy(a => a.Phase).ThenBy(a => a.Target.Region ?? "", StringComparer.Ordinal)
                .ThenBy(a => a.Target.Id, StringComparer.Ordinal).ThenBy(a => a.Step).ToList(),
            AlreadyDone = alreadyDone,
            Attackers = new PlanIdentities
            {
                Ids = identities.Select(i => i.Id).ToList(),
                UserNames = targets.All.Where(t => t.Target.Kind == TargetKinds.User).Select(t => t.Target.Id).Order(StringComparer.Ordinal).ToList(),
                RoleNames = targets.All.Where(t => t.Target.Kind == TargetKinds.Role).Select(t => t.Target.Id).Order(StringComparer.Ordinal).ToList(),
                AccessKeyIds = identities.Select(i => i.AccessKeyId).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            },
            Baseline = baseline with { Evidence = evidence },
        };
    }

    private static void AddIdentity(TargetSet targets, AttackerIdentity i)
    {
        switch (i.Kind)
        {
            case IdentityKind.User:
                targets.User(i.Name, i, i.Reason).CreatedByAttacker |= i.CreatedByAttacker;
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
            ResourceTypes.AutoScalingGroup => targets.Add(new ContainmentTarget(TargetKinds.AutoScalingGroup, r.ResourceId, r.Region), r.CreatedBy),
            ResourceTypes.User => targets.User(r.ResourceId, null, $"IAM user {reason}"),
            ResourceTypes.AccessKey or ResourceTypes.LoginProfile when UserOf(r) is { } user => targets.User(user, null, $"{r.Type} {reason}"),
            _ => null,
        };
        if (g is null) return;
        if (r.Type == ResourceTypes.User) g.CreatedByAttacker = true;
        if (!g.Resources.Contains(r.Id)) g.Resources.Add(r.Id);
        g.Because(r.Type == ResourceTypes.User ? $"IAM user {reason}" : $"{r.Type} {reason}");
        g.Identity ??= r.CreatedBy;
    }

    private static string? UserOf(AttackerResource r) =>
        (string?)r.Attributes["userName"] ?? (r.Type == ResourceTypes.LoginProfile ? r.ResourceId : r.Name);

    private async Task<(List<PlannedAction> Actions, string? Evidence)> PlanTargetAsync(ContainmentContext c, TargetGroup g,
        IReadOnlyList<Finding> findings, CancellationToken ct)
    {
        var t = g.Target;
        JsonObject state = t.Kind switch
        {
            TargetKinds.User => await UserState.ReadAsync(c, t.Id, keys: true, policy: true, ct).ConfigureAwait(false),
            TargetKinds.Role => await RoleState.ReadAsync(c, t.Id, ct).ConfigureAwait(false),
            TargetKinds.Instance => await InstanceRead.ReadAsync(c, t.Region!, t.Id, attributes: true, ct).ConfigureAwait(false),
            TargetKinds.SpotRequest => await SpotRequestState.ReadAsync(c, t.Region!, t.Id, ct).ConfigureAwait(false),
            _ => new JsonObject { ["exists"] = true, ["id"] = t.Id },
        };
        if (t.Kind == TargetKinds.Instance && (string?)state["spotInstanceRequestId"] is { } sir && InstanceRead.Exists(state))
            state["spotRequest"] = await SpotRequestState.ReadAsync(c, t.Region!, sir, ct).ConfigureAwait(false);
        if ((bool?)state["exists"] != true) return ([], null);
        if (t.Kind == TargetKinds.Instance && InstanceRead.IsGone(state)) return ([], null);

        var record = await @case.Evidence.StoreAsync(JsonSerializer.SerializeToUtf8Bytes(state),
            new EvidenceDescriptor(t.Kind.StartsWith("iam", StringComparison.Ordinal) ? "iam" : "ec2", "ContainmentTargetRead", t.Region)
            {
                ContentType = "application/json", Parameters = new JsonObject { ["target"] = t.Key }, Time = time.GetUtcNow(),
            }, ct).ConfigureAwait(false);
        var related = findings.Where(f => f.Identities.Intersect(g.Identities).Any() || f.Resources.Intersect(g.Resources).Any()
                                          || (g.Identity is not null && f.Identities.Contains(g.Identity)))
            .Select(f => f.Id).ToList();
        var fingerprint = Fingerprint(t, state);
        var planning = new PlanningTarget(t, state, g.CreatedByAttacker, c.CaseId);
        var list = new List<PlannedAction>();
        foreach (var action in ActionRegistry.All.Where(a => a.AppliesTo.Contains(t.Kind)))
        {
            if (action.PlanFor(planning) is not { } p) continue;
            p["caseId"] = c.CaseId;
            var order = action.OrderFor(t.Kind);
            var planned = new PlannedAction
            {
                Id = $"{action.Name}/{t.Key}", Action = action.Name, Target = t, Identity = g.Identity,
                Reason = string.Join("; ", g.Reasons), Identities = g.Identities, Resources = g.Resources, Findings = related,
                BeforeEvidence = record.Sha256, Fingerprint = fingerprint.DeepClone().AsObject(),
                ExpectedAfter = "", Reversible = action.Reversible, Reverse = action.HowToReverse,
                Authority = authority.For(action.Name, t.Kind), Phase = order.Phase, Step = order.Step, Parameters = p,
            };
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

    /// <summary>The users and instances the account holds now, stored as evidence, to tell later what appeared since.</summary>
    private async Task<(PlanBaseline Baseline, List<string> Evidence)> BaselineAsync(CancellationToken ct)
    {
        var users = await aws.Iam().ListAllAsync(new ListUsers(), ct).ConfigureAwait(false);
        var regions = await RegionDiscovery.EnabledAsync(aws, ct).ConfigureAwait(false);
        var instances = await Task.WhenAll(regions.Select(async r =>
            (r.Name, Ids: await AccountInstances.ListAsync(aws, r.Name, ct).ConfigureAwait(false)))).ConfigureAwait(false);
        var baseline = new PlanBaseline
        {
            Users = users.Select(u => u.UserName).Order(StringComparer.Ordinal).ToList(),
            Instances = instances.ToDictionary(x => x.Name, x => (IReadOnlyList<string>)x.Ids.Select(i => i.InstanceId).ToList(), StringComparer.Ordinal),
        };
        baseline = await RecordedBaselineAsync(baseline, ct).ConfigureAwait(false);
        var record = await @case.Evidence.StoreAsync(JsonSerializer.SerializeToUtf8Bytes(baseline, InvestigationFiles.Json),
            new EvidenceDescriptor("containment", "PlanBaseline", null) { ContentType = "application/json", Time = time.GetUtcNow() }, ct)
            .ConfigureAwait(false);
        return (baseline, [record.Sha256]);
    }

    /// <summary>
    /// What counts as "new" is measured against the state <c>shodo collect</c> recorded before anything
    /// changed, where the case has it: a user or instance the attacker made between that record and this
    /// plan is in no investigation document, and only a baseline older than it shows it up for the
    /// verification to attribute and a re-plan to contain. Regions and users the collection did not
    /// record keep the live read.
    /// </summary>
    private async Task<PlanBaseline> RecordedBaselineAsync(PlanBaseline live, CancellationToken ct)
    {
        var evidence = StoredAnswers.Load(@case);
        if (!evidence.Any("iam", "ListUsers")) return live;
        var recorded = await AccountSnapshot.BuildAsync(evidence, ct).ConfigureAwait(false);
        var recordedRegions = recorded.Instances.Select(i => i.Region)
            .Concat(evidence.Records("ec2", "DescribeInstances").Select(r => r.Region).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        return live with
        {
            Users = recorded.Users.Select(u => u.UserName).Distinct().Order(StringComparer.Ordinal).ToList(),
            Instances = live.Instances.ToDictionary(r => r.Key, r => recordedRegions.Contains(r.Key)
                ? (IReadOnlyList<string>)recorded.Instances.Where(i => i.Region == r.Key).Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList()
                : r.Value, StringComparer.Ordinal),
        };
    }
}
