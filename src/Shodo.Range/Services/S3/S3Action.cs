using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>Where in S3's path-style URL an operation acts: the service root, a bucket, or an object.</summary>
public enum S3Level { Service, Bucket, Object }

/// <summary>The bucket and key a path-style request names (<c>/bucket/key</c>); either may be empty.</summary>
public sealed record S3Target(string Bucket, string Key);

/// <summary>
/// One S3 operation, chosen by the request (method, level, subresource query key: the constructor's arguments), and its
/// handler, which runs under the state's lock. Adding one is a class deriving from this plus one line in
/// <see cref="S3Service"/>'s list. Override what differs from the defaults: the IAM action (<c>s3:{Name}</c>), read-only
/// (GET and HEAD), a CloudTrail data event (object-level calls), CloudTrail's <see cref="EventName"/> (ListObjectsV2 is
/// recorded as ListObjects) and <see cref="AnyRegion"/>: served whatever region the request was signed for
/// (GetBucketLocation, CreateBucket); every other bucket and object operation only in the bucket's region.
/// </summary>
public abstract class S3Action(string method, S3Level level, string? subresource = null)
{
    public abstract string Name { get; }
    public string Method { get; } = method;
    public S3Level Level { get; } = level;
    public string? Subresource { get; } = subresource;
    public virtual string IamAction => "s3:" + Name;
    public virtual bool ReadOnly => Method is "GET" or "HEAD";
    public virtual bool DataEvent => Level == S3Level.Object;
    public virtual string EventName => Name;
    public virtual bool AnyRegion => false;

    public abstract AwsResponse Handle(AwsCall call, S3Target target);
}
