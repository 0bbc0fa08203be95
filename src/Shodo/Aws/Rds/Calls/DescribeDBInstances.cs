using System.Xml.Linq;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds.Model;

namespace Shodo.Aws.Rds.Calls;

/// <summary>rds:DescribeDBInstances — the database instances of this region.</summary>
public sealed record DescribeDBInstances(string? DBInstanceIdentifier = null) : RdsPagedCall<DbInstance>
{
    public override AwsOperation Operation => RdsOperations.DescribeDBInstances;
    public override void Write(QueryParameters p) => p.Add("DBInstanceIdentifier", DBInstanceIdentifier);
    public override IReadOnlyList<DbInstance> Read(XElement r) => r.Items("DBInstances", "DBInstance").Select(DbInstance.From).ToList();
}
