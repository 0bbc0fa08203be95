using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>HeadObject (HEAD /bucket/key): the object's headers, no body.</summary>
internal static class HeadObject
{
    public static readonly S3Operation Operation = new("HeadObject", "HEAD", S3Level.Object, null,
        "s3:GetObject", ReadOnly: true, Handle, DataEvent: true);

    private static AwsResponse Handle(AwsCall call, S3Target target)
    {
        call.State.DeliverTrailLogs(target.Bucket);
        var obj = S3Errors.Object(S3Errors.Bucket(call.State, target.Bucket), target.Key);
        return new RawResult(200, [], obj.ContentType, ObjectHeaders.Of(obj, obj.Size));
    }
}
