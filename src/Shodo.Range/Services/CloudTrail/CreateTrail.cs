using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// CreateTrail: a trail in the request's region writing to an existing bucket; not logging until StartLogging. With
/// IsOrganizationTrail, the management account's trail of every account (<see cref="OrganizationTrail"/>).
/// </summary>
internal sealed partial class CreateTrail : CloudTrailAction
{
    public override string Name => "CreateTrail";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$")]
    private static partial Regex TrailName();

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var name = CloudTrailJson.String(input, "Name") ?? throw new AwsError("TrailNotProvidedException", "Trail name is required.");
        if (!TrailName().IsMatch(name) || name.Contains("..") || name.Contains("._") || name.Contains("_."))
            throw new AwsError("InvalidTrailNameException",
                "Trail name must start with a letter or number, end with a letter or number, and be between 3 and 128 characters.");
        var organizationTrail = CloudTrailJson.Bool(input, "IsOrganizationTrail") ?? false;
        if (organizationTrail) OrganizationTrail.Check(call);
        var bucket = CloudTrailJson.String(input, "S3BucketName")
                     ?? throw new AwsError("InvalidS3BucketNameException", "S3 bucket name is required.");
        if (call.State.FindBucket(bucket) is null)
            throw new AwsError("S3BucketDoesNotExistException", $"S3 bucket {bucket} does not exist.");
        if (call.State.Trails.Values.Any(t => t.Name == name && t.HomeRegion == call.Region))
            throw new AwsError("TrailAlreadyExistsException",
                $"Trail {name} already exists for customer: {call.AccountId}");

        var trail = call.State.CreateTrail(name, bucket, call.Region,
            isMultiRegion: CloudTrailJson.Bool(input, "IsMultiRegionTrail") ?? false,
            s3KeyPrefix: CloudTrailJson.String(input, "S3KeyPrefix"));
        trail.IncludeGlobalServiceEvents = CloudTrailJson.Bool(input, "IncludeGlobalServiceEvents") ?? true;
        trail.LogFileValidationEnabled = CloudTrailJson.Bool(input, "EnableLogFileValidation") ?? false;
        trail.IsOrganizationTrail = organizationTrail;
        if (trail.IsMultiRegion && !trail.IncludeGlobalServiceEvents)
        {
            call.State.Trails.Remove(trail.Arn);
            throw new AwsError("InvalidParameterCombinationException",
                "Multi-Region trail must include global service events.");
        }
        return TrailJson.Trail(trail, withHomeRegion: false);
    }
}
