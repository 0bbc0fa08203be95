namespace Shodo.Containment;

/// <summary>The tags Shodo puts on what it touches and creates, so the console shows which case did it.</summary>
public static class ContainmentTags
{
    public const string Case = "shodo:case";
    public const string Action = "shodo:action";
    public const string Quarantine = "shodo:quarantine";
    public const string Instance = "shodo:instance";

    /// <summary>The inline policy Shodo puts on a compromised identity (its only policy; never a customer's).</summary>
    public static string PolicyName(string caseId) => $"ShodoContainment-{caseId}";

    /// <summary>The quarantine security group's name for a case (one per VPC).</summary>
    public static string QuarantineGroupName(string caseId) => $"shodo-quarantine-{caseId}";

    /// <summary>Marks the all-open group that makes an instance's connections untracked before it is quarantined.</summary>
    public const string Untrack = "shodo:untrack";

    /// <summary>The all-open group's name for a case (one per VPC).</summary>
    public static string UntrackGroupName(string caseId) => $"shodo-untrack-{caseId}";
}
