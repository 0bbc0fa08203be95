using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam;

/// <summary>An IAM list operation: Marker/MaxItems in, IsTruncated/Marker out.</summary>
public abstract record IamPagedCall<TItem> : QueryPagedCall<TItem>
{
    public override QueryPaging Paging => QueryPaging.Iam;
}
