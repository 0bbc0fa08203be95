using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3.Control;

/// <summary>
/// S3 Control's account-level operations, served beside S3 (the same signing name, <c>s3</c>). A request is S3 Control's when
/// its path is under <c>/v20180820/</c> and it names an account (the <c>{AccountId}.</c> host prefix the model's
/// <c>hostPrefix</c> trait adds, or the <c>x-amz-account-id</c> header); a path-style request for a bucket named
/// <c>v20180820</c> names neither and stays S3's. The account in the host prefix and in <c>x-amz-account-id</c> must both be
/// the caller's: S3 Control answers AccessDenied (403) for any other account, a missing header or a host without the prefix.
/// </summary>
public static class S3Control
{
    public const string Version = "/v20180820";
    public const string AccountHeader = "x-amz-account-id";
    public static readonly XNamespace Ns = "http://awss3control.amazonaws.com/doc/2018-08-20/";

    private static readonly S3ControlAction[] Operations =
    [
        new GetAccountPublicAccessBlock(),
        new PutAccountPublicAccessBlock(),
        new DeleteAccountPublicAccessBlock(),
    ];

    public static IReadOnlyList<S3ControlAction> Actions => Operations;

    /// <summary>Whether the request is for S3 Control rather than S3 (see the class summary).</summary>
    public static bool Is(AwsRequest request) =>
        request.Path.StartsWith(Version + "/", StringComparison.Ordinal)
        && (HostAccount(request) is not null || request.Headers.ContainsKey(AccountHeader));

    public static AwsOperation Resolve(AwsRequest request)
    {
        var op = Find(request);
        return new AwsOperation(op.EventName, op.IamAction, op.ReadOnly);
    }

    public static AwsResponse Handle(AwsCall call)
    {
        var op = Find(call.Request);
        call.RequestParameters = new JsonObject { ["Host"] = call.Request.Headers.Host.ToString() };
        var header = call.Request.Headers[AccountHeader].ToString();
        if (HostAccount(call.Request) != call.State.AccountId || header != call.State.AccountId)
            throw new AwsError("AccessDenied", "Access Denied", 403);
        lock (call.State.Sync) return op.Handle(call);
    }

    private static S3ControlAction Find(AwsRequest request)
    {
        var path = request.Path[Version.Length..];
        return Operations.FirstOrDefault(o => o.Method == request.Method.ToUpperInvariant() && o.Path == path)
               ?? throw new AwsError("NotImplemented",
                   "A header or query you provided implies functionality that is not implemented.", 501);
    }

    /// <summary>The account id of the host prefix (<c>111122223333.s3-control...</c>, <c>111122223333.127.0.0.1:PORT</c>), or null.</summary>
    public static string? HostAccount(AwsRequest request)
    {
        var host = request.Headers.Host.ToString();
        var dot = host.IndexOf('.');
        if (dot != 12) return null;
        var label = host[..dot];
        return label.All(char.IsAsciiDigit) ? label : null;
    }

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);
}
