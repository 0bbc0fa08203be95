using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Localization;

namespace Shodo.Containment.Actions;

/// <summary>
/// A leaked access key of the account's root user. No identity policy binds root and no IAM principal can deactivate
/// its key (IAM does not find it: it is no user's), so Shodo sends nothing for it: its outcome is at once a person's
/// decision, with what only root can do (sign in as root, deactivate the key), what Shodo still does (contain the
/// compute and identities the key made) and the SCP that can deny a member account's root from the management account.
/// </summary>
public sealed class EscalateRootKey : ContainmentAction
{
    /// <summary>An SCP denying every action to the root user of the member accounts it is attached to (commercial partition).</summary>
    public static readonly string DenyRootScp = DenyRootScpIn(AwsPartition.Aws);

    /// <summary>The same SCP in a partition: its root users are <c>arn:PARTITION:iam::ACCOUNT:root</c>.</summary>
    public static string DenyRootScpIn(string partition) =>
        """{"Version":"2012-10-17","Statement":[{"Sid":"ShodoDenyMemberRoot","Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":"arn:""" + partition + """:iam::*:root"}}}]}""";

    public override string Name => "escalate-root-key";
    public override IReadOnlyList<AwsOperation> Operations => [];
    public override bool Reversible => false;
    public override string HowToReverse => "nothing to reverse: Shodo sends nothing for a root key";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.RootAccessKey];
    public override PlanOrder OrderFor(string targetKind) => new(1, 0);

    /// <summary>It serves the leaked key's deactivation: whoever may deactivate keys alone gets it escalated at once.</summary>
    public override string AuthorityClass(string targetKind) => "deactivate-access-keys";

    /// <summary>Whether an identity is a root user's access key: used with the account's root ARN and owned by no IAM user.</summary>
    public static bool IsRootKey(string? arn, string? owner) =>
        owner is null && arn is not null && arn.StartsWith("arn:aws", StringComparison.Ordinal) && arn.EndsWith(":root", StringComparison.Ordinal);

    public override string ExpectedAfter(PlannedAction a) =>
        $"nothing sent: {a.Target.Id} is the root user's key; only root can deactivate it, a person decides now";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        Task.FromResult(new JsonObject { ["accessKeyId"] = a.Target.Id, ["owner"] = "root" });

    public override bool Holds(PlannedAction a, JsonObject state) => false;

    public override Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct) =>
        throw new DecisionNeededException(Messages.Get("ContainRootKeyDecision", a.Target.Id, DenyRootScpIn(AwsPartition.OfRegion(c.Aws.Region)), c.CaseId));
}
