using System.Text.Json;
using Shodo.Aws;
using Shodo.Aws.Kms;
using Shodo.Aws.Kms.Calls;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Kms;

/// <summary>
/// The region's KMS keys, each with its key policy and its grants: a grant or a policy statement for another account lets
/// that account decrypt what the key encrypts — the copy of an encrypted snapshot shared out.
/// </summary>
public sealed class KmsKeysCollector : ICollector, ISnapshotPart
{
    public string Name => "kms.keys";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } =
        [KmsOperations.ListKeys, KmsOperations.DescribeKey, KmsOperations.GetKeyPolicy, KmsOperations.ListGrants];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var kms = context.Aws.Json(KmsOperations.Service, context.ClientRegion);
        foreach (var keyId in await context.PagesAsync(kms, new ListKeys(), ct) ?? [])
        {
            await context.AnswerAsync(kms, new DescribeKey(keyId), ct);
            await context.AnswerAsync(kms, new GetKeyPolicy(keyId), ct);
            await context.PagesAsync(kms, new ListGrants(keyId), ct);
        }
    }

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var metadata = new Dictionary<(string, string), JsonElement>();
        await answers.ForEachJsonAsync("kms", "DescribeKey", a =>
        {
            var m = a.Body.GetProperty("KeyMetadata");
            if (m.Text("KeyId") is { } id) metadata[(a.Record.Region ?? "", id)] = m.Clone();
        }, ct);
        var policies = new Dictionary<(string, string), string?>();
        await answers.ForEachJsonAsync("kms", "GetKeyPolicy", a =>
        {
            if (a.Parameter("KeyId") is { } id) policies[(a.Record.Region ?? "", id)] = a.Body.Text("Policy");
        }, ct);
        var grants = new Dictionary<(string, string), List<KmsGrantFact>>();
        await answers.ForEachJsonAsync("kms", "ListGrants", a =>
        {
            if (a.Parameter("KeyId") is not { } id) return;
            var list = grants.TryGetValue((a.Record.Region ?? "", id), out var l) ? l : grants[(a.Record.Region ?? "", id)] = [];
            foreach (var g in a.Body.Items("Grants"))
                list.Add(new KmsGrantFact(g.Text("GrantId") ?? "", g.Text("Name"), g.Text("GranteePrincipal") ?? "", g.Text("RetiringPrincipal"),
                    g.Text("IssuingAccount"), g.Items("Operations").Select(o => o.GetString()).OfType<string>().ToList(), g.Date("CreationDate"),
                    a.Record.Sha256));
        }, ct);
        await answers.ForEachJsonAsync("kms", "ListKeys", a =>
        {
            var region = a.Record.Region ?? "";
            foreach (var k in a.Body.Items("Keys"))
            {
                if (k.Text("KeyId") is not { } id) continue;
                var m = metadata.TryGetValue((region, id), out var found) ? found : (JsonElement?)null;
                s.KmsKeys.Add(new KmsKeyFact(region, id, k.Text("KeyArn") ?? m?.Text("Arn") ?? id, m?.Text("KeyManager"), m?.Text("KeyState"),
                    policies.GetValueOrDefault((region, id)), grants.GetValueOrDefault((region, id))?.DistinctBy(g => g.GrantId).ToList() ?? [],
                    a.Record.Sha256));
            }
        }, ct);
        AccountSnapshot.Dedupe(s.KmsKeys, k => (k.Region, k.KeyId));
    }
}
