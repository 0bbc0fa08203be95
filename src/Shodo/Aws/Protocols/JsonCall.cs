using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Aws.Protocols;

/// <summary>
/// One JSON 1.1 operation (CloudTrail, ...): which operation, the request body it writes and how
/// the answer reads. Adding an operation is one record deriving from this (or
/// <see cref="JsonPagedCall{TItem}"/>) plus its line in the service's operation list.
/// </summary>
public abstract record JsonCall<TResult>
{
    public abstract AwsOperation Operation { get; }
    public virtual void Write(JsonObject body) { }
    public abstract TResult Read(JsonElement result);
}

/// <summary>A JSON 1.1 operation paged by <c>NextToken</c> in both the request and the answer.</summary>
public abstract record JsonPagedCall<TItem> : JsonCall<IReadOnlyList<TItem>>
{
    public virtual string TokenField => "NextToken";
    /// <summary>The answer's member carrying the next token, where it differs from the request's (KMS: Marker, NextMarker).</summary>
    public virtual string NextTokenField => TokenField;
}
