using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>DescribeDBSnapshotAttributes: the snapshot's <c>restore</c> attribute — who may restore it.</summary>
internal sealed class DescribeDBSnapshotAttributes : RdsAction
{
    public override string Name => "DescribeDBSnapshotAttributes";

    public override AwsResponse Handle(AwsCall call)
    {
        var identifier = call.Request.RequiredParam("DBSnapshotIdentifier");
        call.RequestParameters = new JsonObject { ["dBSnapshotIdentifier"] = identifier };
        return new XmlResult(RdsXml.Attributes(RdsLookup.Snapshot(call, identifier)));
    }
}
