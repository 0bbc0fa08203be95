using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>DescribeDBInstances: one instance by identifier (DBInstanceNotFound) or the region's instances, filtered and paged.</summary>
internal sealed class DescribeDBInstances : RdsAction
{
    public override string Name => "DescribeDBInstances";

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var identifier = request.Param("DBInstanceIdentifier");
        if (identifier is not null) call.RequestParameters = new JsonObject { ["dBInstanceIdentifier"] = identifier };
        var filters = QueryParameters.Filters(request);
        var instances = identifier is not null
            ? [RdsLookup.Instance(call, identifier)]
            : call.State.Rds(call.Region).Instances.Values.ToList();
        var matching = instances.Where(i =>
            (!filters.TryGetValue("db-instance-id", out var ids) || ids.Any(v => RdsLookup.Id(v).Equals(i.Identifier, StringComparison.OrdinalIgnoreCase)))
            && (!filters.TryGetValue("engine", out var engines) || engines.Contains(i.Engine))
            && (!filters.TryGetValue("dbi-resource-id", out var resources) || resources.Contains(i.ResourceId)));
        var (page, marker) = RdsPage.Take(request, matching, i => i.Identifier);
        return RdsPage.Result(new XElement("DBInstances", page.Select(RdsXml.Instance)), marker);
    }
}
