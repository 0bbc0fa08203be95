using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>DescribeDBClusters: the region's Aurora clusters, by identifier (DBClusterNotFoundFault) or db-cluster-id / engine filter; paged.</summary>
internal sealed class DescribeDBClusters : RdsAction
{
    public override string Name => "DescribeDBClusters";

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var identifier = request.Param("DBClusterIdentifier");
        call.RequestParameters = identifier is null ? null : new JsonObject { ["dBClusterIdentifier"] = identifier };
        var filters = QueryParameters.Filters(request);
        var clusters = identifier is not null ? [RdsLookup.Cluster(call, identifier)] : call.State.Rds(call.Region).Clusters.Values.ToList();
        var matching = clusters.Where(c =>
            (!filters.TryGetValue("db-cluster-id", out var ids) || ids.Any(v => RdsLookup.Id(v).Equals(c.Identifier, StringComparison.OrdinalIgnoreCase)))
            && (!filters.TryGetValue("engine", out var engines) || engines.Contains(c.Engine)));
        var (page, marker) = RdsPage.Take(request, matching, c => c.Identifier);
        return RdsPage.Result(new XElement("DBClusters", page.Select(RdsClusterXml.Cluster)), marker);
    }
}
