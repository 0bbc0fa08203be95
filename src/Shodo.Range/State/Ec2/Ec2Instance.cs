namespace Shodo.Range.State.Ec2;

/// <summary>
/// One EC2 instance. Its state moves through AWS's lifecycle; transient states (pending, stopping,
/// shutting-down) end at <see cref="TransitionEndsAt"/> and are settled lazily from the range clock.
/// </summary>
public sealed class Ec2Instance
{
    public required string InstanceId { get; init; }
    public required string ReservationId { get; init; }
    public required string ImageId { get; init; }
    public required string InstanceType { get; set; }
    public string? KeyName { get; init; }
    public required DateTimeOffset LaunchTime { get; set; }
    public required string AvailabilityZone { get; init; }
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public required string PrivateIpAddress { get; init; }
    public string? PublicIpAddress { get; set; }
    public int AmiLaunchIndex { get; init; }
    public List<string> SecurityGroupIds { get; set; } = [];
    public string? UserData { get; set; }
    public string? ClientToken { get; init; }
    public string? RequesterArn { get; init; }

    public string State { get; set; } = InstanceStates.Pending;
    public DateTimeOffset? TransitionEndsAt { get; set; }
    /// <summary>When the instance last reached running (for DescribeInstanceStatus initializing/ok).</summary>
    public DateTimeOffset? RunningSince { get; set; }
    public DateTimeOffset? TerminatedAt { get; set; }
    public string Reason { get; set; } = "";
    public string? StateReasonCode { get; set; }
    public string? StateReasonMessage { get; set; }

    /// <summary>
    /// An instance whose stop never finishes (a problem with the underlying host): it stays in stopping until forced.
    /// Set by scenarios and tests; EC2 reports it as stopping, and a responder must not call it contained.
    /// </summary>
    public bool StuckStopping { get; set; }

    public bool DisableApiTermination { get; set; }
    public bool DisableApiStop { get; set; }
    public string InstanceInitiatedShutdownBehavior { get; set; } = "stop";

    /// <summary>"spot" for spot instances, null for on-demand (as DescribeInstances reports it).</summary>
    public string? InstanceLifecycle { get; init; }
    public string? SpotInstanceRequestId { get; init; }

    public string RootDeviceName { get; init; } = "/dev/xvda";
    /// <summary>"ebs", or "instance-store" (such an instance cannot be stopped, only terminated).</summary>
    public string RootDeviceType { get; init; } = "ebs";
    public bool HasInstanceStoreRoot => RootDeviceType == "instance-store";

    /// <summary>The primary network interface (device index 0); its groups are <see cref="SecurityGroupIds"/>.</summary>
    public string NetworkInterfaceId { get; init; } = Ec2Ids.New("eni");
    public string NetworkAttachmentId { get; init; } = Ec2Ids.New("eni-attach");
    /// <summary>Interfaces attached beside the primary one.</summary>
    public List<AttachedInterface> ExtraInterfaces { get; set; } = [];
    /// <summary>Live connections through the instance's interfaces (see <see cref="LiveConnection"/>).</summary>
    public List<LiveConnection> Connections { get; set; } = [];
    public List<string> VolumeIds { get; set; } = [];

    public string PrivateDnsName => $"ip-{PrivateIpAddress.Replace('.', '-')}.{Region}.compute.internal";
    public string Region => AvailabilityZone[..^1];

    /// <summary>Completes a transition whose time has come.</summary>
    public void Settle(DateTimeOffset now)
    {
        if (TransitionEndsAt is not { } end || now < end) return;
        if (State == InstanceStates.Stopping && StuckStopping) return;
        TransitionEndsAt = null;
        switch (State)
        {
            case InstanceStates.Pending:
                State = InstanceStates.Running;
                RunningSince = end;
                break;
            case InstanceStates.Stopping:
                State = InstanceStates.Stopped;
                StateReasonCode = "Client.UserInitiatedShutdown";
                StateReasonMessage = "Client.UserInitiatedShutdown: User initiated shutdown";
                break;
            case InstanceStates.ShuttingDown:
                State = InstanceStates.Terminated;
                TerminatedAt = end;
                break;
        }
    }

    public void BeginStop(DateTimeOffset now, TimeSpan takes)
    {
        State = InstanceStates.Stopping;
        TransitionEndsAt = now + takes;
        RunningSince = null;
        PublicIpAddress = null;
        Reason = $"User initiated ({now.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)";
    }

    public void BeginStart(DateTimeOffset now, TimeSpan takes, string? publicIp)
    {
        State = InstanceStates.Pending;
        TransitionEndsAt = now + takes;
        LaunchTime = now;
        PublicIpAddress = publicIp;
        Reason = "";
        StateReasonCode = StateReasonMessage = null;
    }

    public void BeginTerminate(DateTimeOffset now, TimeSpan takes)
    {
        State = InstanceStates.ShuttingDown;
        TransitionEndsAt = now + takes;
        RunningSince = null;
        PublicIpAddress = null;
        Reason = $"User initiated ({now.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)";
        StateReasonCode = "Client.UserInitiatedShutdown";
        StateReasonMessage = "Client.UserInitiatedShutdown: User initiated shutdown";
    }

    public bool IsGone => State is InstanceStates.ShuttingDown or InstanceStates.Terminated;
}
