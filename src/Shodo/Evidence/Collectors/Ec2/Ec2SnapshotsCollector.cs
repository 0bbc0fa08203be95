using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>
/// EBS snapshots the account owns (an attacker may copy or share them), each with the KMS key of an encrypted one, and
/// who may create a volume from it (createVolumePermission): a snapshot shared out is a door to a copy of the disk that
/// blind mode, with no ModifySnapshotAttribute event to read, sees only here.
/// <para>
/// Bounded: the permission is one DescribeSnapshotAttribute call per snapshot (no filter names the accounts), so per
/// region only the <see cref="PermissionsPerRegion"/> newest (by start time) are asked — a snapshot cannot be shared
/// before it exists, so the newest are those the exposure window can hold. The rest are one coverage gap of kind
/// <see cref="GapKinds.Bounded"/> naming how many were not asked and the newest start time among them, never silence.
/// </para>
/// </summary>
public sealed class Ec2SnapshotsCollector(int permissionsPerRegion = Ec2SnapshotsCollector.DefaultPermissionsPerRegion) : ICollector, ISnapshotPart
{
    /// <summary>At 16 calls in flight and about 100 ms a call, 200 permissions cost about 1.3 s per region.</summary>
    public const int DefaultPermissionsPerRegion = 200;
    private const string Attribute = "createVolumePermission";

    public int PermissionsPerRegion { get; } = permissionsPerRegion;
    public string Name => "ec2.snapshots";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeSnapshots, Ec2Operations.DescribeSnapshotAttribute];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        var pages = await context.SdkPagesAsync(Ec2Operations.DescribeSnapshots, new JsonObject { ["OwnerIds"] = new JsonArray("self") }, async (token, c) =>
        {
            var r = await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { NextToken = token, OwnerIds = ["self"] }, c);
            return (r, r.NextToken);
        }, ct).ConfigureAwait(false);
        var newestFirst = (pages ?? []).SelectMany(p => p.Snapshots ?? []).DistinctBy(s => s.SnapshotId)
            .OrderByDescending(s => s.StartTime ?? DateTime.MinValue).ThenBy(s => s.SnapshotId, StringComparer.Ordinal).ToList();
        await Task.WhenAll(newestFirst.Take(PermissionsPerRegion).Select(s => context.SdkAsync(Ec2Operations.DescribeSnapshotAttribute,
            new JsonObject { ["SnapshotId"] = s.SnapshotId, ["Attribute"] = Attribute }, null,
            c => ec2.DescribeSnapshotAttributeAsync(new DescribeSnapshotAttributeRequest { SnapshotId = s.SnapshotId, Attribute = Attribute }, c),
            ct, "InvalidSnapshot.NotFound"))).ConfigureAwait(false);
        var unasked = newestFirst.Skip(PermissionsPerRegion).ToList();
        await BoundedPermissionReads.RecordUnaskedAsync(context, Name, Ec2Operations.DescribeSnapshotAttribute, Attribute, PermissionsPerRegion,
            unasked.Count, unasked.FirstOrDefault()?.StartTime is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null,
            "snapshots", ct).ConfigureAwait(false);
    }

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var permissions = await BoundedPermissionReads.ReadAsync(answers, "DescribeSnapshotAttribute", "snapshotId", Attribute, ct).ConfigureAwait(false);
        await answers.ForEachXmlAsync("ec2", "DescribeSnapshots", a =>
        {
            foreach (var item in a.Body.Element("snapshotSet")?.Elements("item") ?? [])
            {
                var region = a.Record.Region ?? "";
                var id = item.Required("snapshotId");
                s.EbsSnapshots.Add(new EbsSnapshotFact(region, id, item.Text("volumeId"),
                    item.Bool("encrypted"), item.Text("kmsKeyId") is { Length: > 0 } key ? key : null, a.Record.Sha256)
                {
                    StartTime = item.Date("startTime"), CreateVolumePermissions = permissions.GetValueOrDefault((region, id)),
                });
            }
        }, ct).ConfigureAwait(false);
        AccountSnapshot.Dedupe(s.EbsSnapshots, f => (f.Region, f.SnapshotId));
    }
}
