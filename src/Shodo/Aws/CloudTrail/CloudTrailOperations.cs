namespace Shodo.Aws.CloudTrail;

/// <summary>
/// The CloudTrail operations Shodo sends (botocore cloudtrail/2013-11-01, JSON 1.1). LookupEvents
/// is limited to 2 requests per second per account per region (<see cref="Resilience.RequestRateLimits"/>).
/// </summary>
public static class CloudTrailOperations
{
    private static AwsOperation Op(string name) => AwsOperation.Of("cloudtrail", name);

    public static AwsOperation LookupEvents { get; } = Op("LookupEvents");
    public static AwsOperation DescribeTrails { get; } = Op("DescribeTrails");
    public static AwsOperation GetTrailStatus { get; } = Op("GetTrailStatus");
    public static AwsOperation GetEventSelectors { get; } = Op("GetEventSelectors");
    /// <summary>Digest validation: the public keys that verify digest file signatures.</summary>
    public static AwsOperation ListPublicKeys { get; } = Op("ListPublicKeys");
    /// <summary>Containment: restart a stopped trail (on the interlock's allowlist).</summary>
    public static AwsOperation StartLogging { get; } = Op("StartLogging");
}
