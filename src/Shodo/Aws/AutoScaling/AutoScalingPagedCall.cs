using Shodo.Aws.Protocols;

namespace Shodo.Aws.AutoScaling;

/// <summary>An Auto Scaling Describe operation: NextToken/MaxRecords in, NextToken out while there is more.</summary>
public abstract record AutoScalingPagedCall<TItem> : QueryPagedCall<TItem>
{
    public static QueryPaging AutoScalingPaging { get; } = new("NextToken", "MaxRecords", 100, null);
    public override QueryPaging Paging => AutoScalingPaging;
}
