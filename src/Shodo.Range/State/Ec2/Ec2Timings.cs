namespace Shodo.Range.State.Ec2;

/// <summary>
/// How long EC2's transient states last in simulated time. The defaults are close to what AWS
/// takes; drills and tests that drive the range clock can make them longer or shorter.
/// </summary>
public sealed record Ec2Timings
{
    /// <summary>pending → running.</summary>
    public TimeSpan Boot { get; init; } = InstanceStates.BootTime;
    /// <summary>stopping → stopped.</summary>
    public TimeSpan Stop { get; init; } = InstanceStates.StopTime;
    /// <summary>shutting-down → terminated.</summary>
    public TimeSpan Shutdown { get; init; } = InstanceStates.ShutdownTime;
    /// <summary>How long a terminated instance stays visible to DescribeInstances.</summary>
    public TimeSpan TerminatedVisibleFor { get; init; } = InstanceStates.TerminatedVisibleFor;
    /// <summary>pending → completed for a snapshot.</summary>
    public TimeSpan SnapshotCopy { get; init; } = Snapshot.CopyTime;
    /// <summary>How long status checks report "initializing" after an instance reaches running.</summary>
    public TimeSpan StatusChecks { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>
    /// How long a new security group cannot yet be attached (InvalidGroup.NotFound: EC2 is eventually consistent).
    /// AWS usually propagates at once, so none by default; scenarios and tests that rehearse the late case set it.
    /// </summary>
    public TimeSpan SecurityGroupPropagation { get; init; } = TimeSpan.Zero;
}
