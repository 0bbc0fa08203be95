using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>DescribeDBClusterSnapshotAttributes: the cluster snapshot's <c>restore</c> attribute — who may restore it.</summary>
internal sealed class DescribeDBClusterSnapshotAttributes : RdsAction
{
    public override string Name => "DescribeDBClusterSnapshotAttributes";

    public override AwsResponse Handle(AwsCall call)
    {
        var identifier = call.Request.RequiredParam("DBClusterSnapshotIdentifier");
        call.RequestParameters = new JsonObject { ["dBClusterSnapshotIdentifier"] = identifier };
        return new XmlResult(RdsClusterXml.Attributes(RdsLookup.ClusterSnapshot(call, identifier)));
    }
}
