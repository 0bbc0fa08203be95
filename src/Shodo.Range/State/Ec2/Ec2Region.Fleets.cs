namespace Shodo.Range.State.Ec2;

/// <summary>Spot Fleets: launching, keeping a <c>maintain</c> fleet at its target capacity, modifying, cancelling.</summary>
public sealed partial class Ec2Region
{
    public List<SpotFleet> SpotFleets { get; init; } = [];

    public SpotFleet? FindSpotFleet(string id) => SpotFleets.FirstOrDefault(f => f.SpotFleetRequestId == id);

    /// <summary>The fleet an instance belongs to, if any.</summary>
    public SpotFleet? SpotFleetOf(Ec2Instance instance) => SpotFleets.FirstOrDefault(f => f.Members.Contains(instance.InstanceId));

    /// <summary>Members that count toward the target capacity: pending or running.</summary>
    public IEnumerable<Ec2Instance> Counted(SpotFleet fleet) => fleet.Members.Select(FindInstance)
        .OfType<Ec2Instance>().Where(i => i.State is InstanceStates.Pending or InstanceStates.Running);

    /// <summary>Members not terminated (what DescribeSpotFleetInstances lists).</summary>
    public IEnumerable<Ec2Instance> Active(SpotFleet fleet) => fleet.Members.Select(FindInstance)
        .OfType<Ec2Instance>().Where(i => !i.IsGone);

    /// <summary>A first launch of every new fleet; a <c>maintain</c> fleet then replaces each member that stopped counting.</summary>
    private void SettleFleets(DateTimeOffset now)
    {
        foreach (var fleet in SpotFleets.Where(f => !f.IsCancelled && (!f.Launched || f.Type == SpotFleet.Maintain)))
        {
            var missing = fleet.TargetCapacity - Counted(fleet).Count();
            for (var i = 0; i < missing; i++)
            {
                var request = RequestSpot(fleet.Launch with { InstanceTags = [.. fleet.Launch.InstanceTags, new Tag(SpotFleet.FleetTag, fleet.SpotFleetRequestId)] },
                    SpotRequest.OneTime, fleet.SpotPrice, "terminate", now);
                request.SpotFleetRequestId = fleet.SpotFleetRequestId;
                var instance = LaunchSpot(request, now, requesterArn: null);
                fleet.Members.Add(instance.InstanceId);
            }
            fleet.Launched = true;
            if (fleet.State is SpotFleet.Submitted or SpotFleet.Modifying) fleet.State = SpotFleet.Active;
            fleet.ActivityStatus = "fulfilled";
        }
    }

    /// <summary>ModifySpotFleetRequest: a new target capacity; with <c>default</c>, members above it are terminated.</summary>
    public void Modify(SpotFleet fleet, int? targetCapacity, string? policy, DateTimeOffset now)
    {
        if (policy is not null) fleet.ExcessCapacityTerminationPolicy = policy;
        if (targetCapacity is not { } target) return;
        fleet.TargetCapacity = target;
        fleet.State = SpotFleet.Modifying;
        if (fleet.ExcessCapacityTerminationPolicy == SpotFleet.Default)
            foreach (var excess in Counted(fleet).Reverse().Take(Math.Max(0, Counted(fleet).Count() - target)).ToList())
                Terminate(excess, now);
    }

    /// <summary>CancelSpotFleetRequests: the fleet launches nothing more; its members are terminated only when asked.</summary>
    public void CancelFleet(SpotFleet fleet, bool terminateInstances, DateTimeOffset now)
    {
        var members = Active(fleet).ToList();
        if (terminateInstances) foreach (var m in members) Terminate(m, now);
        fleet.State = terminateInstances ? SpotFleet.CancelledTerminating : members.Count > 0 ? SpotFleet.CancelledRunning : SpotFleet.Cancelled;
    }
}
