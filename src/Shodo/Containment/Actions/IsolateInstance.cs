using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// For an instance that cannot be stopped (one-time spot, instance-store root): moves it into the
/// case's quarantine security group in its VPC — a group Shodo creates with no rules at all (the
/// allow-all egress rule EC2 adds to a new group is revoked, on that group only). The instance keeps
/// running and billing: terminating it is a human decision, so the outcome is "needs a human decision".
/// Reversed by putting its original security groups back.
/// </summary>
public sealed class IsolateInstance : ContainmentAction
{
    public override string Name => "isolate-instance";
    public override IReadOnlyList<AwsOperation> Operations =>
        [Ec2Operations.DescribeInstances, Ec2Operations.DescribeSecurityGroups, Ec2Operations.CreateSecurityGroup,
         Ec2Operations.RevokeSecurityGroupEgress, Ec2Operations.ModifyInstanceAttribute];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback restores the instance's recorded security groups";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.Instance];
    public override PlanOrder OrderFor(string targetKind) => new(3, 4);

    /// <summary>In place of stopping, for an instance that cannot be stopped (the reason is a code, localised when applied).</summary>
    public override JsonObject? PlanFor(PlanningTarget t) => t.WhyIsolateInsteadOfStop is { } why
        ? new() { ["groupName"] = ContainmentTags.QuarantineGroupName(t.CaseId), ["why"] = why }
        : null;

    public override string ExpectedAfter(PlannedAction a) =>
        $"{a.Target.Id} is only in the rule-less quarantine group {a.Parameters["groupName"]}; still running: termination needs a human decision";

    public override async Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct)
    {
        var state = await InstanceRead.ReadAsync(c, a.Target.Region!, a.Target.Id, attributes: false, ct).ConfigureAwait(false);
        if (!InstanceRead.Exists(state) || (string?)state["vpcId"] is not { } vpc) return state;
        var group = await FindGroupAsync(c, a.Target.Region!, vpc, ct).ConfigureAwait(false);
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
        state["quarantine"] is JsonObject q && (int?)q["rules"] == 0 &&
        InstanceRead.List(state, "securityGroups") is [var only] && only == (string?)q["groupId"];

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var region = a.Target.Region!;
        var vpc = (string)state["vpcId"]!;
        var ec2 = c.Aws.Ec2(region);
        string groupId;
        var gate = c.RegionGate(region);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var group = await FindGroupAsync(c, region, vpc, ct).ConfigureAwait(false);
            if (group is null)
            {
                var created = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
                {
                    GroupName = ContainmentTags.QuarantineGroupName(c.CaseId), VpcId = vpc,
                    Description = $"Shodo case {c.CaseId}: quarantine, no rules",
                    TagSpecifications =
                    [
                        new TagSpecification
                        {
                            ResourceType = ResourceType.SecurityGroup,
                            Tags = [new Tag(ContainmentTags.Case, c.CaseId), new Tag(ContainmentTags.Quarantine, "true")],
                        },
                    ],
                }, ct).ConfigureAwait(false);
                await c.ChangedAsync(a, Ec2Operations.CreateSecurityGroup, new JsonObject
                {
                    ["groupName"] = ContainmentTags.QuarantineGroupName(c.CaseId), ["vpcId"] = vpc, ["groupId"] = created.GroupId,
                }).ConfigureAwait(false);
                group = await FindGroupAsync(c, region, vpc, ct).ConfigureAwait(false)
                        ?? new SecurityGroup { GroupId = created.GroupId, IpPermissionsEgress = [AllowAllEgress()], Tags = [new Tag(ContainmentTags.Quarantine, "true")] };
            }
            groupId = group.GroupId;
            // Only Shodo's own group (tagged when created) ever loses a rule.
            if (group.Tags?.Any(t => t.Key == ContainmentTags.Quarantine) == true && group.IpPermissionsEgress is { Count: > 0 } egress)
            {
                await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = egress }, ct)
                    .ConfigureAwait(false);
                await c.ChangedAsync(a, Ec2Operations.RevokeSecurityGroupEgress,
                    new JsonObject { ["groupId"] = groupId, ["rules"] = egress.Count }).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = a.Target.Id, Groups = [groupId] }, ct)
            .ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifyInstanceAttribute,
            new JsonObject { ["instanceId"] = a.Target.Id, ["groups"] = new JsonArray(groupId) }).ConfigureAwait(false);
    }

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        var groups = InstanceRead.List(before, "securityGroups");
        if (groups.Count == 0 || InstanceRead.IsGone(state)) return;
        await c.Aws.Ec2(a.Target.Region).ModifyInstanceAttributeAsync(
            new ModifyInstanceAttributeRequest { InstanceId = a.Target.Id, Groups = [.. groups] }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifyInstanceAttribute, new JsonObject
        {
            ["instanceId"] = a.Target.Id, ["groups"] = new JsonArray(groups.Select(g => (JsonNode?)g).ToArray()),
        }).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        InstanceRead.IsGone(state) || InstanceRead.List(state, "securityGroups").SequenceEqual(InstanceRead.List(before, "securityGroups"));

    public override string? Stale(PlannedAction a, JsonObject state) => InstanceStaleness.Check(a, state);

    private static async Task<SecurityGroup?> FindGroupAsync(ContainmentContext c, string region, string vpc, CancellationToken ct)
    {
        var answer = await c.Aws.Ec2(region).DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", [ContainmentTags.QuarantineGroupName(c.CaseId)]), new Filter("vpc-id", [vpc])],
        }, ct).ConfigureAwait(false);
        return answer.SecurityGroups?.FirstOrDefault();
    }

    private static IpPermission AllowAllEgress() => new() { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] };
}
