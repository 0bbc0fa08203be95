using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>Where in S3's path-style URL an operation acts: the service root, a bucket, or an object.</summary>
public enum S3Level { Service, Bucket, Object }

/// <summary>The bucket and key a path-style request names (<c>/bucket/key</c>); either may be empty.</summary>
public sealed record S3Target(string Bucket, string Key);

/// <summary>
/// One S3 operation: the request that selects it (method, level, subresource query key), its IAM
/// action, whether it only reads, whether CloudTrail counts it as a data event, and its handler.
/// <see cref="EventName"/> is CloudTrail's name when it differs from the API's (ListObjectsV2 is
/// recorded as ListObjects). <see cref="AnyRegion"/>: served whatever region the request was signed for
/// (GetBucketLocation, CreateBucket); every other bucket and object operation only in the bucket's region.
/// </summary>
public sealed record S3Operation(
    string Name, string Method, S3Level Level, string? Subresource, string IamAction, bool ReadOnly,
    Func<AwsCall, S3Target, AwsResponse> Handle, bool DataEvent = false, string? EventName = null,
    bool AnyRegion = false);
