using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>One boolean instance attribute set to a value by ModifyInstanceAttribute; reversed by setting it back.</summary>
public abstract class InstanceAttributeAction : ContainmentAction
{
    /// <summary>disableApiStop or disableApiTermination.</summary>
    protected abstract string Attribute { get; }
    protected abstract bool Target { get; }

    public override IReadOnlyList<AwsOperation> Operations =>
        [Ec2Operations.DescribeInstances, Ec2Operations.DescribeInstanceAttribute, Ec2Operations.ModifyInstanceAttribute];
    public override bool Reversible => true;
    public override string HowToReverse => $"shodo rollback sets {Attribute} back to its recorded value";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.Instance];

    /// <summary>Both attributes serve stopping (or isolating) the instance and share its authority.</summary>
    public override string AuthorityClass(string targetKind) => "stop-instance";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        InstanceRead.ReadAsync(c, a.Target.Region!, a.Target.Id, attributes: true, ct);

    public override bool Holds(PlannedAction a, JsonObject state) => (bool?)state[Attribute] == Target;

    public override Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct) =>
        SetAsync(c, a, Target, ct);

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if ((bool?)before[Attribute] is { } was && (bool?)state[Attribute] != was && !InstanceRead.IsGone(state))
            await SetAsync(c, a, was, ct).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        InstanceRead.IsGone(state) || (bool?)state[Attribute] == (bool?)before[Attribute];

    public override string? Stale(PlannedAction a, JsonObject state) => InstanceStaleness.Check(a, state);

    private async Task SetAsync(ContainmentContext c, PlannedAction a, bool value, CancellationToken ct)
    {
        var request = new ModifyInstanceAttributeRequest { InstanceId = a.Target.Id };
        if (Attribute == "disableApiStop") request.DisableApiStop = value;
        else request.DisableApiTermination = value;
        await c.Aws.Ec2(a.Target.Region).ModifyInstanceAttributeAsync(request, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifyInstanceAttribute,
            new JsonObject { ["instanceId"] = a.Target.Id, [Attribute] = value }).ConfigureAwait(false);
    }
}
