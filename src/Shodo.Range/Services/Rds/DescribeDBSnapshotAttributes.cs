using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>DescribeDBSnapshotAttributes: the snapshot's <c>restore</c> attribute — who may restore it.</summary>
internal static class DescribeDBSnapshotAttributes
{
    public static readonly RdsOperation Operation = new("DescribeDBSnapshotAttributes", ReadOnly: true, Handle);

    private static XmlResult Handle(AwsCall call)
    {
        var identifier = call.Request.RequiredParam("DBSnapshotIdentifier");
        call.RequestParameters = new JsonObject { ["dBSnapshotIdentifier"] = identifier };
        return new XmlResult(RdsXml.Attributes(RdsLookup.Snapshot(call, identifier)));
    }
}
