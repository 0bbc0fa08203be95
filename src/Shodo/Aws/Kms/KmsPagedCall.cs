using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms;

/// <summary>A KMS list call: paged by Marker in the request and NextMarker in the answer.</summary>
public abstract record KmsPagedCall<TItem> : JsonPagedCall<TItem>
{
    public override string TokenField => "Marker";
    public override string NextTokenField => "NextMarker";
}
