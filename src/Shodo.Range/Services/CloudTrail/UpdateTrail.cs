using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// UpdateTrail: changes a trail's delivery (bucket, prefix), its regions, global service events and log file validation, in
/// its home region; what is not given is kept. Turning it into an organisation trail is the management account's, as at
/// creation (<see cref="OrganizationTrail"/>); a member account cannot change the organisation trail it sees
/// (<see cref="TrailJson.FindInHomeRegion"/>). Answers the trail as CreateTrail does.
/// </summary>
internal sealed class UpdateTrail : CloudTrailAction
{
    public override string Name => "UpdateTrail";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindInHomeRegion(call, CloudTrailJson.String(input, "Name")
            ?? throw new AwsError("TrailNotProvidedException", "Trail name is required."));
        if (CloudTrailJson.Bool(input, "IsOrganizationTrail") == true && !trail.IsOrganizationTrail) OrganizationTrail.Check(call);
        var bucket = CloudTrailJson.String(input, "S3BucketName");
        if (bucket is not null && call.State.FindBucket(bucket) is null)
            throw new AwsError("S3BucketDoesNotExistException", $"S3 bucket {bucket} does not exist.");
        var multiRegion = CloudTrailJson.Bool(input, "IsMultiRegionTrail") ?? trail.IsMultiRegion;
        var globalEvents = CloudTrailJson.Bool(input, "IncludeGlobalServiceEvents") ?? trail.IncludeGlobalServiceEvents;
        if (multiRegion && !globalEvents)
            throw new AwsError("InvalidParameterCombinationException", "Multi-Region trail must include global service events.");
        if (bucket is not null) trail.S3BucketName = bucket;
        if (input.ContainsKey("S3KeyPrefix")) trail.S3KeyPrefix = CloudTrailJson.String(input, "S3KeyPrefix") is { Length: > 0 } prefix ? prefix : null;
        trail.IsMultiRegion = multiRegion;
        trail.IncludeGlobalServiceEvents = globalEvents;
        trail.LogFileValidationEnabled = CloudTrailJson.Bool(input, "EnableLogFileValidation") ?? trail.LogFileValidationEnabled;
        trail.IsOrganizationTrail = CloudTrailJson.Bool(input, "IsOrganizationTrail") ?? trail.IsOrganizationTrail;
        return TrailJson.Trail(trail, withHomeRegion: false);
    }
}
