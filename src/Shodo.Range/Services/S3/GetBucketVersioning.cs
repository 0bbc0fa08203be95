using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetBucketVersioning (GET /bucket?versioning): no Status until versioning was ever enabled.</summary>
internal sealed class GetBucketVersioning() : S3Action("GET", S3Level.Bucket, "versioning")
{
    public override string Name => "GetBucketVersioning";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        return S3Xml.Document(S3Xml.E("VersioningConfiguration",
            bucket.Versioning is null ? null : S3Xml.E("Status", bucket.Versioning)));
    }
}
