namespace Shodo.Containment.Plan;

/// <summary>
/// plan.json: the containment plan as data, like a Terraform plan. <see cref="Baseline"/> is what the
/// account held when planning, so verification can tell what appeared since.
/// </summary>
public sealed record ContainmentPlan
{
    public const string FormatName = "shodo-containment-plan/1";

    public string Format { get; init; } = FormatName;
    public required string CaseId { get; init; }
    public required string AccountId { get; init; }
    public string? AccountAlias { get; init; }
    public required DateTimeOffset PlannedAt { get; init; }
    /// <summary>The responder's identity (sts:GetCallerIdentity); never contained by its own plan.</summary>
    public required string PlannedBy { get; init; }
    public required IReadOnlyList<PlannedAction> Actions { get; init; }
    /// <summary>Actions (listed in <see cref="Actions"/> too) that an earlier apply already finished: apply does not repeat them.</summary>
    public IReadOnlyList<string> AlreadyDone { get; init; } = [];
    /// <summary>The attacker identities contained (ids, user names, access key ids) — to recognise them later.</summary>
    public required PlanIdentities Attackers { get; init; }
    public required PlanBaseline Baseline { get; init; }
    /// <summary>What could not be read when planning (targets left out of this plan, parts of the baseline left unknown).</summary>
    public IReadOnlyList<UnreadItem> Unread { get; init; } = [];
}

public sealed record PlanIdentities
{
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<string> UserNames { get; init; } = [];
    public IReadOnlyList<string> RoleNames { get; init; } = [];
    public IReadOnlyList<string> AccessKeyIds { get; init; } = [];
}

public sealed record PlanBaseline
{
    public IReadOnlyList<string> Users { get; init; } = [];
    /// <summary>Instance ids per enabled region when planning.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Instances { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The evidence records (SHA-256) the plan was built from.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
