using Shodo.Aws;
using Shodo.Aws.Protocols;
using Shodo.Aws.Ram;
using Shodo.Aws.Ram.Calls;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ram;

/// <summary>
/// The region's AWS RAM resource shares the account owns, with their principal and resource associations: a share to an
/// account outside the organisation is a door to the data (a subnet, an Aurora cluster...) the owner did not open.
/// </summary>
public sealed class RamSharesCollector : ICollector, ISnapshotPart
{
    public string Name => "ram.shares";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } =
        [RamOperations.GetResourceShares, RamOperations.GetResourceShareAssociations];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ram = context.Aws.Json(AwsServiceModel.Ram, context.ClientRegion);
        var shares = await context.PagesAsync(ram, new GetResourceShares(), ct);
        if (shares is not { Count: > 0 }) return;
        await context.PagesAsync(ram, new GetResourceShareAssociations("PRINCIPAL"), ct);
        await context.PagesAsync(ram, new GetResourceShareAssociations("RESOURCE"), ct);
    }

    /// <summary>Each share the account owns with its principals (outside ones marked) and resources, one fact per share.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var principals = new Dictionary<(string, string), List<SharePrincipalFact>>();
        var resources = new Dictionary<(string, string), List<string>>();
        await answers.ForEachJsonAsync("ram", "GetResourceShareAssociations", a =>
        {
            var region = a.Record.Region ?? "";
            foreach (var x in a.Body.ListOf("resourceShareAssociations"))
            {
                var key = (region, x.Text("resourceShareArn") ?? "");
                var entity = x.Text("associatedEntity") ?? "";
                if (x.Text("associationType") == "PRINCIPAL")
                {
                    var list = principals.TryGetValue(key, out var p) ? p : principals[key] = [];
                    if (list.All(e => e.Entity != entity))
                        list.Add(new SharePrincipalFact(entity, x.Bool("external") ?? false, x.Text("status"), x.Date("creationTime")));
                }
                else
                {
                    var list = resources.TryGetValue(key, out var r) ? r : resources[key] = [];
                    if (!list.Contains(entity)) list.Add(entity);
                }
            }
        }, ct);
        await answers.ForEachJsonAsync("ram", "GetResourceShares", a =>
        {
            var region = a.Record.Region ?? "";
            foreach (var share in a.Body.ListOf("resourceShares"))
            {
                var arn = share.Text("resourceShareArn") ?? throw new FormatException("a resource share without its ARN");
                s.ResourceShares.Add(new ResourceShareFact(region, arn, share.Text("name") ?? "", share.Text("status"),
                    share.Bool("allowExternalPrincipals") ?? true, share.Date("creationTime"),
                    principals.GetValueOrDefault((region, arn)) ?? [], resources.GetValueOrDefault((region, arn)) ?? [], a.Record.Sha256));
            }
        }, ct);
        AccountSnapshot.Dedupe(s.ResourceShares, r => (r.Region, r.Arn));
    }
}
