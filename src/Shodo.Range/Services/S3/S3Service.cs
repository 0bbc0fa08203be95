using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>
/// S3 over REST-XML, path-style (<c>http://host/bucket/key</c>). <see cref="Resolve"/> maps method,
/// path and subresource query key to an operation; each operation is one file, listed in
/// <see cref="Operations"/> as one <see cref="S3Action"/> class. Object-level calls are CloudTrail data events. S3 Control's
/// account-level operations share the signing name and are served by <see cref="Control.S3Control"/>.
/// </summary>
public sealed class S3Service : IAwsService
{
    private static readonly S3Action[] Operations =
    [
        new ListBuckets(),
        new CreateBucket(),
        new HeadBucket(),
        new ListObjectsV2(),
        new ListObjects(),
        new GetObject(),
        new HeadObject(),
        new PutObject(),
        new GetBucketPolicy(),
        new PutBucketPolicy(),
        new GetBucketAcl(),
        new GetPublicAccessBlock(),
        new GetBucketVersioning(),
        new GetBucketTagging(),
        new PutBucketTagging(),
        new GetBucketLocation(),
        new PutPublicAccessBlock(),
        new GetBucketPolicyStatus(),
        new GetBucketEncryption(),
    ];

    /// <summary>The subresource query keys the operations are chosen by (policy, acl, tagging...).</summary>
    private static readonly string[] Subresources = Operations.Select(o => o.Subresource).OfType<string>().Distinct().ToArray();

    public static IReadOnlyList<S3Action> Actions => Operations;

    public string Name => "s3";
    public string EventSource => "s3.amazonaws.com";
    public AwsProtocol Protocol => AwsProtocol.RestXml;
    public string XmlNamespace => S3Xml.Ns.NamespaceName;
    public bool IsGlobal => false;

    public static S3Target Target(AwsRequest request)
    {
        var path = request.Path.TrimStart('/');
        var slash = path.IndexOf('/');
        return slash < 0 ? new S3Target(path, "") : new S3Target(path[..slash], path[(slash + 1)..]);
    }

    public AwsOperation Resolve(AwsRequest request)
    {
        if (Control.S3Control.Is(request)) return Control.S3Control.Resolve(request);
        var op = Find(request);
        var target = Target(request);
        var resource = op.Level switch
        {
            S3Level.Service => "*",
            S3Level.Bucket => $"arn:{request.Partition}:s3:::{target.Bucket}",
            _ => $"arn:{request.Partition}:s3:::{target.Bucket}/{target.Key}",
        };
        return new AwsOperation(op.EventName, op.IamAction, op.ReadOnly, resource, op.DataEvent);
    }

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        if (Control.S3Control.Is(call.Request)) return Task.FromResult(Control.S3Control.Handle(call));
        var op = Find(call.Request);
        var target = Target(call.Request);
        call.RequestParameters = RequestParameters(call.Request, target);
        lock (call.State.Sync)
        {
            S3BucketRegion.Check(op, call, target);
            return Task.FromResult(op.Handle(call, target));
        }
    }

    private static S3Action Find(AwsRequest request)
    {
        var target = Target(request);
        var level = target.Bucket.Length == 0 ? S3Level.Service : target.Key.Length == 0 ? S3Level.Bucket : S3Level.Object;
        var subresource = Subresources.FirstOrDefault(request.Query.ContainsKey);
        return Operations.FirstOrDefault(o => o.Method == request.Method.ToUpperInvariant() && o.Level == level
                                               && o.Subresource == (level == S3Level.Object ? null : subresource))
               ?? throw new AwsError("NotImplemented",
                   "A header or query you provided implies functionality that is not implemented.", 501);
    }

    /// <summary>requestParameters as CloudTrail records S3 calls: bucketName, Host, key and the query.</summary>
    private static JsonObject RequestParameters(AwsRequest request, S3Target target)
    {
        var parameters = new JsonObject();
        if (target.Bucket.Length > 0) parameters["bucketName"] = target.Bucket;
        parameters["Host"] = request.Headers.Host.ToString();
        if (target.Key.Length > 0) parameters["key"] = target.Key;
        foreach (var (name, value) in request.Query)
            if (!name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase)) parameters[name] = value;
        return parameters;
    }
}
