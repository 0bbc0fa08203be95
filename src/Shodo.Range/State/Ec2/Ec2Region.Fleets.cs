namespace Shodo.Range.State.Ec2;

/// <summary>Spot Fleets and EC2 Fleets: launching, keeping a <c>maintain</c> fleet at its target capacity, modifying, cancelling.</summary>
public sealed partial class Ec2Region
{
    public List<SpotFleet> SpotFleets { get; init; } = [];
    public List<Ec2Fleet> Ec2Fleets { get; init; } = [];

    /// <summary>Every fleet of the region, Spot Fleets first.</summary>
    public IEnumerable<Fleet> Fleets => SpotFleets.Cast<Fleet>().Concat(Ec2Fleets);

    public SpotFleet? FindSpotFleet(string id) => SpotFleets.FirstOrDefault(f => f.SpotFleetRequestId == id);
    public Ec2Fleet? FindEc2Fleet(string id) => Ec2Fleets.FirstOrDefault(f => f.Id == id);

    /// <summary>The fleet (Spot Fleet or EC2 Fleet) an instance belongs to, if any.</summary>
    public Fleet? FleetOf(Ec2Instance instance) => Fleets.FirstOrDefault(f => f.Members.Contains(instance.InstanceId));

    /// <summary>Members that count toward the target capacity: pending or running.</summary>
    public IEnumerable<Ec2Instance> Counted(Fleet fleet) => fleet.Members.Select(FindInstance)
        .OfType<Ec2Instance>().Where(i => i.State is InstanceStates.Pending or InstanceStates.Running);

    /// <summary>Members not terminated (what DescribeSpotFleetInstances and DescribeFleetInstances list).</summary>
    public IEnumerable<Ec2Instance> Active(Fleet fleet) => fleet.Members.Select(FindInstance)
        .OfType<Ec2Instance>().Where(i => !i.IsGone);

    /// <summary>A first launch of every new fleet; a <c>maintain</c> fleet then replaces each member that stopped counting.</summary>
    private void SettleFleets(DateTimeOffset now)
    {
        foreach (var fleet in Fleets.Where(f => !f.IsEnded && (!f.Launched || f.Maintains)).ToList()) Fill(fleet, now);
    }

    /// <summary>Launches the members a fleet is missing; returns them.</summary>
    public IReadOnlyList<Ec2Instance> Fill(Fleet fleet, DateTimeOffset now)
    {
        var launched = new List<Ec2Instance>();
        var missing = fleet.TargetCapacity - Counted(fleet).Count();
        var spec = fleet.Launch with { InstanceTags = [.. fleet.Launch.InstanceTags, new Tag(fleet.MemberTag, fleet.FleetId)] };
        for (var i = 0; i < missing; i++)
        {
            Ec2Instance instance;
            if (fleet.LaunchesSpot)
            {
                var request = RequestSpot(spec, SpotRequest.OneTime, fleet.SpotPrice, "terminate", now);
                if (fleet is SpotFleet) request.SpotFleetRequestId = fleet.FleetId;
                instance = LaunchSpot(request, now, requesterArn: null);
            }
            else instance = Launch(spec, 1, now)[0];
            fleet.Members.Add(instance.InstanceId);
            launched.Add(instance);
        }
        fleet.Launched = true;
        if (fleet.State is SpotFleet.Submitted or SpotFleet.Modifying) fleet.State = SpotFleet.Active;
        fleet.ActivityStatus = "fulfilled";
        return launched;
    }

    /// <summary>
    /// ModifySpotFleetRequest / ModifyFleet: a new target capacity; unless the policy keeps the excess, members above it
    /// are terminated.
    /// </summary>
    public void Modify(Fleet fleet, int? targetCapacity, DateTimeOffset now)
    {
        if (targetCapacity is not { } target) return;
        fleet.TargetCapacity = target;
        fleet.State = SpotFleet.Modifying;
        if (fleet.TerminatesExcess)
            foreach (var excess in Counted(fleet).Reverse().Take(Math.Max(0, Counted(fleet).Count() - target)).ToList())
                Terminate(excess, now);
    }

    /// <summary>ModifySpotFleetRequest: a new policy first, then the capacity.</summary>
    public void Modify(SpotFleet fleet, int? targetCapacity, string? policy, DateTimeOffset now)
    {
        if (policy is not null) fleet.ExcessCapacityTerminationPolicy = policy;
        Modify((Fleet)fleet, targetCapacity, now);
    }

    /// <summary>CancelSpotFleetRequests: the fleet launches nothing more; its members are terminated only when asked.</summary>
    public void CancelFleet(SpotFleet fleet, bool terminateInstances, DateTimeOffset now)
    {
        var members = Active(fleet).ToList();
        if (terminateInstances) foreach (var m in members) Terminate(m, now);
        fleet.State = terminateInstances ? SpotFleet.CancelledTerminating : members.Count > 0 ? SpotFleet.CancelledRunning : SpotFleet.Cancelled;
    }
}
