using Shodo.Investigation.Model;

namespace Shodo.Containment.Planning;

/// <summary>One target to contain with the identities, resources and reasons that put it in the plan.</summary>
public sealed class TargetGroup(ContainmentTarget target)
{
    public ContainmentTarget Target { get; } = target;
    public List<string> Identities { get; } = [];
    public List<string> Resources { get; } = [];
    public List<string> Reasons { get; } = [];
    /// <summary>The attacker identity the target is shown under (the identity itself, or the one that created the resource).</summary>
    public string? Identity { get; set; }
    public bool CreatedByAttacker { get; set; }
    /// <summary>Only the recorded state suggests it is the attacker's (suspected.json): authority class contain-suspected.</summary>
    public bool Suspected { get; set; }
    /// <summary>For an organisation account: the attacker's principals there (user and role ARNs) its SCP denies.</summary>
    public List<string> Principals { get; } = [];
    /// <summary>For an organisation account Shodo entered by a role its SCP denies: deny only sessions issued before Shodo's own there.</summary>
    public DateTimeOffset? IssuedBefore { get; set; }

    public void Because(string reason)
    {
        if (!Reasons.Contains(reason)) Reasons.Add(reason);
    }
}

/// <summary>Collects targets by key, merging what several identities and resources say about the same one.</summary>
public sealed class TargetSet
{
    private readonly Dictionary<string, TargetGroup> _groups = new(StringComparer.Ordinal);

    public IReadOnlyCollection<TargetGroup> All => _groups.Values;

    public TargetGroup Add(ContainmentTarget target, string? identity)
    {
        if (!_groups.TryGetValue(target.Key, out var group))
            _groups[target.Key] = group = new TargetGroup(target) { Identity = identity };
        group.Identity ??= identity;
        return group;
    }

    public TargetGroup User(string userName, AttackerIdentity? identity, string reason)
    {
        var g = Add(new ContainmentTarget(TargetKinds.User, userName, null), identity?.Id ?? $"user:{userName}");
        if (identity is not null && !g.Identities.Contains(identity.Id)) g.Identities.Add(identity.Id);
        g.Because(reason);
        return g;
    }
}
