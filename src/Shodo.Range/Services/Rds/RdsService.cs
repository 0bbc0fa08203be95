using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>RDS over the Query protocol (2014-10-31); state per region. Each operation is one <see cref="RdsAction"/> file, listed here.</summary>
public sealed class RdsService() : QueryService(
[
    new DescribeDBInstances(),
    new DescribeDBSnapshots(),
    new DescribeDBSnapshotAttributes(),
    new ModifyDBSnapshotAttribute(),
    new CreateDBSnapshot(),
    new DescribeDBClusters(),
    new DescribeDBClusterSnapshots(),
    new DescribeDBClusterSnapshotAttributes(),
    new ModifyDBClusterSnapshotAttribute(),
])
{
    public override string Name => "rds";
    public override string EventSource => "rds.amazonaws.com";
    public override string XmlNamespace => "http://rds.amazonaws.com/doc/2014-10-31/";
    public override bool IsGlobal => false;
}
