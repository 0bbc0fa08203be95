using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3.Control;

/// <summary>
/// One S3 Control operation (<c>{AccountId}.s3-control.{region}.amazonaws.com/v20180820/...</c>, signed as <c>s3</c>): chosen by
/// method and path, authorized on its IAM action over no resource, recorded by CloudTrail under <see cref="EventName"/> with
/// eventSource s3.amazonaws.com. Adding one is a class deriving from this plus one line in <see cref="S3Control"/>'s list. The
/// handler runs under the state's lock, after <see cref="S3Control"/> has checked the account the request names is the caller's.
/// </summary>
public abstract class S3ControlAction(string method, string path)
{
    public abstract string Name { get; }
    public string Method { get; } = method;
    /// <summary>The path after <c>/v20180820</c>, e.g. <c>/configuration/publicAccessBlock</c>.</summary>
    public string Path { get; } = path;
    public abstract string IamAction { get; }
    public virtual string EventName => Name;
    public virtual bool ReadOnly => Method is "GET" or "HEAD";

    public abstract AwsResponse Handle(AwsCall call);
}
