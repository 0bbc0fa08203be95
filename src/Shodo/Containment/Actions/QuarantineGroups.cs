using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// The two security groups Shodo creates per case and VPC to isolate an instance: the quarantine group, with no rules at
/// all, and the all-open group that comes first so that the instance's existing connections become untracked (a security
/// group change does not interrupt a tracked connection; an untracked one is cut as soon as the groups no longer allow it —
/// the technique of AWS's AWSSupport-ContainEC2Instance runbook). Only groups Shodo created (tagged) ever get a rule changed.
/// </summary>
public static class QuarantineGroups
{
    /// <summary>The case's rule-less quarantine group in a VPC, or null when not created yet.</summary>
    public static Task<SecurityGroup?> FindQuarantineAsync(ContainmentContext c, string region, string vpc, CancellationToken ct) =>
        FindAsync(c, region, vpc, ContainmentTags.QuarantineGroupName(c.CaseId), ct);

    public static Task<SecurityGroup?> FindUntrackAsync(ContainmentContext c, string region, string vpc, CancellationToken ct) =>
        FindAsync(c, region, vpc, ContainmentTags.UntrackGroupName(c.CaseId), ct);

    /// <summary>Creates what is missing of both groups in the VPC (serialised per region) and returns (quarantine, all-open) ids.</summary>
    public static async Task<(string Quarantine, string Untrack)> EnsureAsync(ContainmentContext c, PlannedAction a, string region, string vpc,
        CancellationToken ct)
    {
        var gate = c.RegionGate(region);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // The two groups are independent until an interface is moved: each is found or created, and ruled, at once.
            var made = await Task.WhenAll(QuarantineAsync(c, a, region, vpc, ct), UntrackAsync(c, a, region, vpc, ct)).ConfigureAwait(false);
            return (made[0], made[1]);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string> QuarantineAsync(ContainmentContext c, PlannedAction a, string region, string vpc, CancellationToken ct)
    {
        var quarantine = await FindQuarantineAsync(c, region, vpc, ct).ConfigureAwait(false)
            ?? await CreateAsync(c, a, region, vpc, ContainmentTags.QuarantineGroupName(c.CaseId), "quarantine, no rules",
                ContainmentTags.Quarantine, ct).ConfigureAwait(false);
        if (Tagged(quarantine, ContainmentTags.Quarantine) && quarantine.IpPermissionsEgress is { Count: > 0 } egress)
        {
            await NewGroupRetry.RunAsync(() => c.Aws.Ec2(region).RevokeSecurityGroupEgressAsync(
                new RevokeSecurityGroupEgressRequest { GroupId = quarantine.GroupId, IpPermissions = egress }, ct), c.Time, ct).ConfigureAwait(false);
            await c.ChangedAsync(a, Ec2Operations.RevokeSecurityGroupEgress,
                new JsonObject { ["groupId"] = quarantine.GroupId, ["rules"] = egress.Count }).ConfigureAwait(false);
        }
        return quarantine.GroupId;
    }

    private static async Task<string> UntrackAsync(ContainmentContext c, PlannedAction a, string region, string vpc, CancellationToken ct)
    {
        var untrack = await FindUntrackAsync(c, region, vpc, ct).ConfigureAwait(false)
            ?? await CreateAsync(c, a, region, vpc, ContainmentTags.UntrackGroupName(c.CaseId),
                "all traffic, for a moment: makes connections untracked before quarantine", ContainmentTags.Untrack, ct).ConfigureAwait(false);
        if (Tagged(untrack, ContainmentTags.Untrack) && !(untrack.IpPermissions ?? []).Any(AllTraffic))
        {
            try
            {
                await NewGroupRetry.RunAsync(() => c.Aws.Ec2(region).AuthorizeSecurityGroupIngressAsync(
                    new AuthorizeSecurityGroupIngressRequest { GroupId = untrack.GroupId, IpPermissions = [AllTrafficRule()] }, ct), c.Time, ct)
                    .ConfigureAwait(false);
            }
            catch (AwsServiceError e) when (e.Code == "InvalidPermission.Duplicate")
            {
                // An earlier attempt whose answer was lost added it: the rule is there.
            }
            await c.ChangedAsync(a, Ec2Operations.AuthorizeSecurityGroupIngress,
                new JsonObject { ["groupId"] = untrack.GroupId, ["ipProtocol"] = "-1", ["cidrIp"] = "0.0.0.0/0" }).ConfigureAwait(false);
        }
        return untrack.GroupId;
    }

    private static async Task<SecurityGroup> CreateAsync(ContainmentContext c, PlannedAction a, string region, string vpc, string name,
        string purpose, string tag, CancellationToken ct)
    {
        CreateSecurityGroupResponse created;
        try
        {
            created = await c.Aws.Ec2(region).CreateSecurityGroupAsync(new CreateSecurityGroupRequest
            {
                GroupName = name, VpcId = vpc, Description = $"Shodo case {c.CaseId}: {purpose}",
                TagSpecifications =
                [
                    new TagSpecification
                    {
                        ResourceType = ResourceType.SecurityGroup, Tags = [new Tag(ContainmentTags.Case, c.CaseId), new Tag(tag, "true")],
                    },
                ],
            }, ct).ConfigureAwait(false);
        }
        catch (AwsServiceError e) when (e.Code == "InvalidGroup.Duplicate")
        {
            // An earlier attempt whose answer was lost created it.
            var existing = await FindAsync(c, region, vpc, name, ct).ConfigureAwait(false);
            if (existing is null) throw;
            return existing;
        }
        await c.ChangedAsync(a, Ec2Operations.CreateSecurityGroup,
            new JsonObject { ["groupName"] = name, ["vpcId"] = vpc, ["groupId"] = created.GroupId }).ConfigureAwait(false);
        // A new group has EC2's allow-all egress rule and no ingress (it may not be visible to Describe yet).
        return await FindAsync(c, region, vpc, name, ct).ConfigureAwait(false)
               ?? new SecurityGroup { GroupId = created.GroupId, IpPermissions = [], IpPermissionsEgress = [AllTrafficRule()], Tags = [new Tag(tag, "true")] };
    }

    private static async Task<SecurityGroup?> FindAsync(ContainmentContext c, string region, string vpc, string name, CancellationToken ct)
    {
        var answer = await c.Aws.Ec2(region).DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", [name]), new Filter("vpc-id", [vpc])],
        }, ct).ConfigureAwait(false);
        return answer.SecurityGroups?.FirstOrDefault();
    }

    private static bool Tagged(SecurityGroup g, string tag) => (g.Tags ?? []).Any(t => t.Key == tag);

    private static bool AllTraffic(IpPermission p) => p.IpProtocol == "-1" && (p.Ipv4Ranges ?? []).Any(r => r.CidrIp == "0.0.0.0/0");

    private static IpPermission AllTrafficRule() => new() { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] };
}
