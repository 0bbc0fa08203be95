using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;
using Shodo.Localization;

namespace Shodo.Containment.Actions;

/// <summary>
/// For an instance that cannot be stopped (one-time spot, instance-store root): moves each of its network interfaces into
/// the case's quarantine security group in its VPC — a group Shodo creates with no rules at all. A security-group change
/// does not interrupt tracked connections (a mining pool, a reverse shell stays connected), so each interface first goes
/// into an all-open group, which makes its connections untracked, and then into the quarantine group, which cuts them
/// (<see cref="QuarantineGroups"/>). Interface by interface, because EC2 refuses an instance's groups when it has several.
/// The instance keeps running and billing: terminating it is a human decision, so the outcome is "needs a human decision".
/// Reversed by putting each interface's recorded security groups back.
/// </summary>
public sealed class IsolateInstance : ContainmentAction
{
    public override string Name => "isolate-instance";
    public override IReadOnlyList<AwsOperation> Operations =>
        [Ec2Operations.DescribeInstances, Ec2Operations.DescribeSecurityGroups, Ec2Operations.CreateSecurityGroup,
         Ec2Operations.RevokeSecurityGroupEgress, Ec2Operations.ModifyInstanceAttribute,
         Ec2Operations.AuthorizeSecurityGroupIngress, Ec2Operations.ModifyNetworkInterfaceAttribute];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback restores each network interface's recorded security groups";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.Instance];
    public override PlanOrder OrderFor(string targetKind) => new(3, 1);

    /// <summary>In place of stopping, for an instance that cannot be stopped (the reason is a code, localised when applied).</summary>
    public override JsonObject? PlanFor(PlanningTarget t) => t.WhyIsolateInsteadOfStop is { } why
        ? new() { ["groupName"] = ContainmentTags.QuarantineGroupName(t.CaseId), ["why"] = why }
        : null;

    public override string ExpectedAfter(PlannedAction a) =>
        $"every network interface of {a.Target.Id} is only in the rule-less quarantine group {a.Parameters["groupName"]}; " +
        "existing connections are cut (each interface goes first into an all-open group, which makes its connections untracked, " +
        "then into the quarantine group); still running: termination needs a human decision";

    public override async Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct)
    {
        var state = await InstanceRead.ReadAsync(c, a.Target.Region!, a.Target.Id, attributes: false, ct).ConfigureAwait(false);
        if (!InstanceRead.Exists(state) || (string?)state["vpcId"] is not { } vpc) return state;
        var group = await QuarantineGroups.FindQuarantineAsync(c, a.Target.Region!, vpc, ct).ConfigureAwait(false);
        if (group is not null)
            state["quarantine"] = new JsonObject
            {
                ["groupId"] = group.GroupId,
                ["rules"] = (group.IpPermissions?.Count ?? 0) + (group.IpPermissionsEgress?.Count ?? 0),
                ["shodo"] = (group.Tags ?? []).Any(t => t.Key == ContainmentTags.Quarantine),
            };
        return state;
    }

    public override bool Holds(PlannedAction a, JsonObject state) =>
        state["quarantine"] is JsonObject q && (int?)q["rules"] == 0 && (string?)q["groupId"] is { } quarantine
        && Interfaces(state) is { Count: > 0 } interfaces && interfaces.All(n => n.Groups is [var only] && only == quarantine);

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var region = a.Target.Region!;
        if ((string?)state["vpcId"] is not { Length: > 0 } vpc)
            throw new NotSupportedException(Messages.Get("ContainIsolateNoVpc", a.Target.Id));
        var (quarantine, untrack) = await QuarantineGroups.EnsureAsync(c, a, region, vpc, ct).ConfigureAwait(false);
        foreach (var (eni, groups) in Interfaces(state))
        {
            if (groups is [var only] && only == quarantine) continue;
            // Already in the all-open group (a run stopped between the two steps): its connections are untracked.
            if (groups is not [var open] || open != untrack) await SetGroupsAsync(c, a, eni, untrack, ct).ConfigureAwait(false);
            await SetGroupsAsync(c, a, eni, quarantine, ct).ConfigureAwait(false);
        }
    }

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if (InstanceRead.IsGone(state)) return;
        var now = Interfaces(state).ToDictionary(n => n.Id, n => n.Groups);
        foreach (var (eni, groups) in Interfaces(before))
        {
            if (groups.Count == 0 || !now.TryGetValue(eni, out var current) || current.SequenceEqual(groups)) continue;
            await c.Aws.Ec2(a.Target.Region).ModifyNetworkInterfaceAttributeAsync(
                new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, Groups = [.. groups] }, ct).ConfigureAwait(false);
            await c.ChangedAsync(a, Ec2Operations.ModifyNetworkInterfaceAttribute, new JsonObject
            {
                ["networkInterfaceId"] = eni, ["groups"] = new JsonArray(groups.Select(g => (JsonNode?)g).ToArray()),
            }).ConfigureAwait(false);
        }
        // A before-state recorded before interfaces were read (an older case): the instance's groups, as then.
        var instanceGroups = InstanceRead.List(before, "securityGroups");
        if (before["networkInterfaces"] is null && instanceGroups.Count > 0)
        {
            await c.Aws.Ec2(a.Target.Region).ModifyInstanceAttributeAsync(
                new ModifyInstanceAttributeRequest { InstanceId = a.Target.Id, Groups = [.. instanceGroups] }, ct).ConfigureAwait(false);
            await c.ChangedAsync(a, Ec2Operations.ModifyInstanceAttribute, new JsonObject
            {
                ["instanceId"] = a.Target.Id, ["groups"] = new JsonArray(instanceGroups.Select(g => (JsonNode?)g).ToArray()),
            }).ConfigureAwait(false);
        }
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state)
    {
        if (InstanceRead.IsGone(state)) return true;
        if (before["networkInterfaces"] is null)
            return InstanceRead.List(state, "securityGroups").SequenceEqual(InstanceRead.List(before, "securityGroups"));
        var now = Interfaces(state).ToDictionary(n => n.Id, n => n.Groups);
        return Interfaces(before).All(n => !now.TryGetValue(n.Id, out var current) || current.SequenceEqual(n.Groups));
    }

    public override string? Stale(PlannedAction a, JsonObject state) => InstanceStaleness.Check(a, state);

    private static IReadOnlyList<(string Id, IReadOnlyList<string> Groups)> Interfaces(JsonObject state) => InstanceRead.Interfaces(state);

    private static async Task SetGroupsAsync(ContainmentContext c, PlannedAction a, string eni, string group, CancellationToken ct)
    {
        await NewGroupRetry.RunAsync(() => c.Aws.Ec2(a.Target.Region).ModifyNetworkInterfaceAttributeAsync(
            new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, Groups = [group] }, ct), c.Time, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifyNetworkInterfaceAttribute,
            new JsonObject { ["networkInterfaceId"] = eni, ["groups"] = new JsonArray(group) }).ConfigureAwait(false);
    }
}
