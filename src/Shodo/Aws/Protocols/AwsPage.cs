namespace Shodo.Aws.Protocols;

/// <summary>
/// One page of a paged AWS answer: its items, and the raw response bytes and request id so the
/// evidence store can keep exactly what AWS said.
/// </summary>
public sealed record AwsPage<TItem>(int Number, IReadOnlyList<TItem> Items, byte[] Raw, string? RequestId)
{
    /// <summary>The token that asks for the next page; null on the last page (or when the protocol pages otherwise).</summary>
    public string? NextToken { get; init; }
}

/// <summary>A single (unpaged) answer with its raw bytes.</summary>
public sealed record AwsAnswer<TResult>(TResult Result, byte[] Raw, string? RequestId);
