using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// CloudTrail over JSON 1.1 (X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.Op), per region.
/// Each operation is one <see cref="CloudTrailAction"/> file, listed here.
/// </summary>
public sealed class CloudTrailService() : JsonService(TargetPrefix,
[
    new LookupEvents(),
    new CreateTrail(),
    new DescribeTrails(),
    new GetTrailStatus(),
    new GetEventSelectors(),
    new PutEventSelectors(),
    new StartLogging(),
    new StopLogging(),
    new ListPublicKeys(),
    new UpdateTrail(),
    new DeleteTrail(),
])
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    public override string Name => "cloudtrail";
    public override string EventSource => "cloudtrail.amazonaws.com";
    public override bool IsGlobal => false;
}
