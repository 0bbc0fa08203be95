using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>What an EC2 handler works with: the call, its parameters and the region's resources.</summary>
public sealed class Ec2Context(AwsCall call)
{
    public AwsCall Call { get; } = call;
    public Ec2Params Params { get; } = new(call.Request.Parameters);
    public RangeState State => Call.State;
    public Ec2Region Region { get; } = call.State.Ec2(call.Region);
    public DateTimeOffset Now => Region.LastSettled;
    public string AccountId => Call.AccountId;

    /// <summary>Instances by id, failing as AWS does when an id is malformed or unknown.</summary>
    public List<Ec2Instance> Instances(IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
            if (!Ec2Ids.IsWellFormed(id, "i")) throw Ec2Errors.Malformed("InvalidInstanceID.Malformed", id, "i");
        var missing = ids.Where(id => Region.FindInstance(id) is null).ToList();
        if (missing.Count > 0) throw Ec2Errors.InstancesNotFound(missing);
        return ids.Select(id => Region.FindInstance(id)!).ToList();
    }

    public Ec2Instance Instance(string id) => Instances([id])[0];

    public SecurityGroup SecurityGroup(string id)
    {
        if (!Ec2Ids.IsWellFormed(id, "sg")) throw Ec2Errors.Malformed("InvalidGroupId.Malformed", id, "sg");
        return Region.FindSecurityGroup(id) ?? throw Ec2Errors.GroupNotFound(id);
    }

    /// <summary>
    /// Groups to attach to an interface in <paramref name="vpcId"/>: each must exist, be in that VPC, and have propagated
    /// (a group created moments ago can still be InvalidGroup.NotFound, as on EC2).
    /// </summary>
    public List<string> AttachableGroups(IReadOnlyList<string> ids, string vpcId)
    {
        var groups = ids.Select(SecurityGroup).ToList();
        foreach (var g in groups.Where(g => g.AttachableFrom is { } from && Now < from))
            throw Ec2Errors.GroupNotFound(g.GroupId);
        foreach (var g in groups.Where(g => g.VpcId != vpcId))
            throw AwsError.InvalidParameterValue($"Security group {g.GroupId} and subnet belong to different networks.");
        return groups.Select(g => g.GroupId).Distinct().ToList();
    }

    /// <summary>The caller's requested security groups (by id), validated.</summary>
    public List<string> SecurityGroupIds(string idPrefix, string namePrefix)
    {
        var ids = Params.List(idPrefix).Select(id => SecurityGroup(id).GroupId).ToList();
        ids.AddRange(Params.List(namePrefix).Select(name =>
            (Region.FindSecurityGroupNamed(name) ?? throw Ec2Errors.GroupNotFound(name)).GroupId));
        return ids.Distinct().ToList();
    }
}
