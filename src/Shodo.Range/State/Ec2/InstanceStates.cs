namespace Shodo.Range.State.Ec2;

/// <summary>EC2 instance state names and their codes, and how long the transient ones last.</summary>
public static class InstanceStates
{
    public const string Pending = "pending", Running = "running", ShuttingDown = "shutting-down",
        Terminated = "terminated", Stopping = "stopping", Stopped = "stopped";

    /// <summary>pending → running.</summary>
    public static readonly TimeSpan BootTime = TimeSpan.FromSeconds(20);
    /// <summary>stopping → stopped.</summary>
    public static readonly TimeSpan StopTime = TimeSpan.FromSeconds(30);
    /// <summary>shutting-down → terminated.</summary>
    public static readonly TimeSpan ShutdownTime = TimeSpan.FromSeconds(30);
    /// <summary>How long a terminated instance stays visible to DescribeInstances.</summary>
    public static readonly TimeSpan TerminatedVisibleFor = TimeSpan.FromHours(1);

    public static int Code(string name) => name switch
    {
        Pending => 0,
        Running => 16,
        ShuttingDown => 32,
        Terminated => 48,
        Stopping => 64,
        Stopped => 80,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
