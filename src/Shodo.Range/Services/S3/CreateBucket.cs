using System.Text.RegularExpressions;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>
/// CreateBucket (PUT /bucket): in us-east-1 without a LocationConstraint, elsewhere with one naming the
/// request's region. Re-creating an owned bucket is BucketAlreadyOwnedByYou, except in us-east-1 where
/// AWS answers 200.
/// </summary>
internal sealed partial class CreateBucket() : S3Action("PUT", S3Level.Bucket)
{
    public override string Name => "CreateBucket";
    public override bool AnyRegion => true;

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var name = target.Bucket;
        if (!BucketName().IsMatch(name) || name.Contains("..") || Regex.IsMatch(name, @"^\d+\.\d+\.\d+\.\d+$"))
            throw new AwsError("InvalidBucketName", "The specified bucket is not valid.");

        var constraint = call.Request.Body.Length == 0 ? null
            : S3Xml.Parse(call.Request.Body).Root?.Element(S3Xml.Ns + "LocationConstraint")?.Value;
        if (string.IsNullOrEmpty(constraint)) constraint = null;
        if (constraint == "us-east-1" || (constraint is null && call.Region != "us-east-1"))
            throw new AwsError(constraint is null ? "IllegalLocationConstraintException" : "InvalidLocationConstraint",
                constraint is null
                    ? $"The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."
                    : "The specified location-constraint is not valid");
        if (constraint is not null && constraint != call.Region)
            throw new AwsError("IllegalLocationConstraintException",
                $"The {constraint} location constraint is incompatible for the region specific endpoint this request was sent to.");

        var region = constraint ?? "us-east-1";
        if (call.State.Buckets.ContainsKey(name) && region != "us-east-1")
            throw new AwsError("BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.", 409);
        call.State.CreateBucket(name, region, call.Now);
        var location = region == "us-east-1" ? "/" + name : $"http://{name}.s3.amazonaws.com/";
        return S3Xml.Empty(200, new Dictionary<string, string> { ["Location"] = location });
    }
}
