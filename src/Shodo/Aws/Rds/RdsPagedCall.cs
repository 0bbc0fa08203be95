using Shodo.Aws.Protocols;

namespace Shodo.Aws.Rds;

/// <summary>An RDS Describe operation: Marker/MaxRecords in, Marker out while there is more.</summary>
public abstract record RdsPagedCall<TItem> : QueryPagedCall<TItem>
{
    public override QueryPaging Paging => QueryPaging.Rds;
}
