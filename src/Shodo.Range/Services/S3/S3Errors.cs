using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3;

/// <summary>S3's error codes and the lookups that raise them.</summary>
internal static class S3Errors
{
    public static AwsError NoSuchBucket() => new("NoSuchBucket", "The specified bucket does not exist", 404);
    public static AwsError NoSuchKey() => new("NoSuchKey", "The specified key does not exist.", 404);

    public static S3Bucket Bucket(RangeState state, string name) =>
        state.Buckets.GetValueOrDefault(name) ?? throw NoSuchBucket();

    public static S3Object Object(S3Bucket bucket, string key) =>
        bucket.Objects.GetValueOrDefault(key) ?? throw NoSuchKey();
}
