namespace Shodo.Range.State.Ec2;

public sealed partial class Ec2Region
{
    /// <summary>
    /// Launches <paramref name="count"/> instances in one reservation, each pending with a root
    /// volume attached, tagged as the spec says.
    /// </summary>
    public IReadOnlyList<Ec2Instance> Launch(LaunchSpec spec, int count, DateTimeOffset now,
        string? requesterArn = null, string? spotRequestId = null, string? reservationId = null)
    {
        var subnet = spec.SubnetId is { } sid ? Vpc.Subnets.First(s => s.SubnetId == sid)
            : spec.AvailabilityZone is { } az ? Vpc.Subnets.First(s => s.AvailabilityZone == az)
            : Vpc.Subnets[Random.Shared.Next(Vpc.Subnets.Count)];
        var groups = spec.SecurityGroupIds.Count > 0 ? spec.SecurityGroupIds.ToList() : [DefaultSecurityGroup.GroupId];
        reservationId ??= Ec2Ids.New("r");
        var launched = new List<Ec2Instance>();
        for (var i = 0; i < count; i++)
        {
            var instance = new Ec2Instance
            {
                InstanceId = Ec2Ids.New("i"),
                ReservationId = reservationId,
                ImageId = spec.ImageId,
                InstanceType = spec.InstanceType,
                KeyName = spec.KeyName,
                LaunchTime = now,
                AvailabilityZone = subnet.AvailabilityZone,
                SubnetId = subnet.SubnetId,
                VpcId = Vpc.VpcId,
                PrivateIpAddress = NextPrivateIp(subnet),
                PublicIpAddress = NewPublicIp(),
                AmiLaunchIndex = i,
                SecurityGroupIds = groups.ToList(),
                UserData = spec.UserData,
                ClientToken = spec.ClientToken,
                RequesterArn = requesterArn,
                TransitionEndsAt = now + Timings.Boot,
                DisableApiTermination = spec.DisableApiTermination,
                DisableApiStop = spec.DisableApiStop,
                InstanceInitiatedShutdownBehavior = spec.InstanceInitiatedShutdownBehavior,
                InstanceLifecycle = spotRequestId is null ? null : "spot",
                SpotInstanceRequestId = spotRequestId,
                RootDeviceType = spec.RootDeviceType,
            };
            Instances.Add(instance);
            if (spec.InstanceTags.Count > 0) Tags.Set(instance.InstanceId, spec.InstanceTags);
            launched.Add(instance);
            if (instance.HasInstanceStoreRoot) continue; // the root device is the host's disk: no EBS volume
            var root = new Volume
            {
                VolumeId = Ec2Ids.New("vol"), Size = 8, AvailabilityZone = subnet.AvailabilityZone, CreateTime = now,
                SnapshotId = Ec2Ids.New("snap"), AttachedInstanceId = instance.InstanceId,
                Device = instance.RootDeviceName, AttachTime = now,
            };
            instance.VolumeIds.Add(root.VolumeId);
            Volumes.Add(root);
            if (spec.VolumeTags.Count > 0) Tags.Set(root.VolumeId, spec.VolumeTags);
        }
        return launched;
    }

    /// <summary>Creates a Spot request; it is fulfilled when the region next settles.</summary>
    public SpotRequest RequestSpot(LaunchSpec spec, string type, string? spotPrice, string interruption, DateTimeOffset now)
    {
        var request = new SpotRequest
        {
            SpotInstanceRequestId = Ec2Ids.SpotRequest(),
            Type = type,
            Launch = spec,
            CreateTime = now,
            SpotPrice = spotPrice,
            InstanceInterruptionBehavior = interruption,
            StatusUpdateTime = now,
        };
        SpotRequests.Add(request);
        return request;
    }

    /// <summary>RunInstances with spot market options: a request fulfilled at once by the launched instance.</summary>
    public Ec2Instance LaunchSpot(SpotRequest request, DateTimeOffset now, string? requesterArn, string? reservationId = null)
    {
        var instance = Launch(request.Launch, 1, now, requesterArn, request.SpotInstanceRequestId, reservationId)[0];
        Fulfil(request, instance, now);
        return instance;
    }

    private static void Fulfil(SpotRequest request, Ec2Instance instance, DateTimeOffset now)
    {
        request.InstanceId = instance.InstanceId;
        request.InstanceHistory.Add(instance.InstanceId);
        request.LaunchedAvailabilityZone = instance.AvailabilityZone;
        request.SetStatus(SpotRequest.Active, "fulfilled", "Your spot request is fulfilled.", now);
    }
}
