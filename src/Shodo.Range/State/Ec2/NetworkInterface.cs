namespace Shodo.Range.State.Ec2;

/// <summary>
/// A network interface attached to an instance beside its primary one (device index 1 and up), with its own
/// security groups — which is why EC2 refuses ModifyInstanceAttribute's groups for such an instance.
/// </summary>
public sealed class AttachedInterface
{
    public required string NetworkInterfaceId { get; init; }
    public required string AttachmentId { get; init; }
    public required int DeviceIndex { get; init; }
    public required string PrivateIpAddress { get; init; }
    public required DateTimeOffset AttachTime { get; init; }
    public List<string> SecurityGroupIds { get; set; } = [];
}

/// <summary>
/// A live connection the instance keeps open through one of its interfaces (a mining pool, a reverse shell).
/// Security groups are stateful: a tracked connection survives any change of groups; it becomes untracked
/// while the interface's groups allow all traffic both ways, and an untracked connection is cut as soon as the
/// groups no longer allow it (EC2 security group connection tracking).
/// </summary>
public sealed class LiveConnection
{
    public required string NetworkInterfaceId { get; init; }
    /// <summary>The remote end, address and port (e.g. 198.51.100.7:3333).</summary>
    public required string RemoteAddress { get; init; }
    public required int RemotePort { get; init; }
    public string Protocol { get; init; } = "tcp";
    public bool Tracked { get; set; } = true;
    public DateTimeOffset? CutAt { get; set; }
    public bool IsOpen => CutAt is null;
}
