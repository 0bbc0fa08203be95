using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>HeadObject (HEAD /bucket/key): the object's headers, no body.</summary>
internal sealed class HeadObject() : S3Action("HEAD", S3Level.Object)
{
    public override string Name => "HeadObject";
    public override string IamAction => "s3:GetObject";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        call.State.DeliverTrailLogs(target.Bucket);
        var obj = S3Errors.Object(S3Errors.Bucket(call.State, target.Bucket), target.Key);
        return new RawResult(200, [], obj.ContentType, ObjectHeaders.Of(obj, obj.Size));
    }
}
