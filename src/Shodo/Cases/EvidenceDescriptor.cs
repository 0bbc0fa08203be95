using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// What a piece of evidence is: which AWS call produced it, where, with which parameters, and which
/// page of a paged result it is. Given to <see cref="EvidenceStore.StoreAsync"/> with the raw bytes.
/// </summary>
public sealed record EvidenceDescriptor(string Service, string Operation, string? Region)
{
    /// <summary>The request parameters (redacted before they are written).</summary>
    public JsonObject? Parameters { get; init; }

    /// <summary>1-based page number of a paged result; null when not paged.</summary>
    public int? Page { get; init; }

    /// <summary>The response's content type, e.g. <c>text/xml</c> or <c>application/x-amz-json-1.1</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The identity that made the call; default: the case journal's current actor's.</summary>
    public string? CallerArn { get; init; }

    /// <summary>When the response was received; default: now, from the case's clock.</summary>
    public DateTimeOffset? Time { get; init; }
}
