using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>
/// AMIs the account owns (an attacker may share one out: a copy of a server's disks anyone it names can launch), each with
/// its creation date, whether it is public, the snapshot behind each block device, and who may launch it
/// (launchPermission): blind mode, with no ModifyImageAttribute event to read, sees an image shared with another account
/// only here.
/// <para>
/// Bounded as <see cref="Ec2SnapshotsCollector"/> is: launchPermission is one DescribeImageAttribute call per image, so per
/// region only the <see cref="PermissionsPerRegion"/> newest (by creation date) are asked — an image cannot be shared before
/// it exists. The rest are one coverage gap of kind <see cref="GapKinds.Bounded"/> naming how many were not asked and the
/// newest creation date among them (DescribeImages' public flag is still known for each).
/// </para>
/// </summary>
public sealed class Ec2ImagesCollector(int permissionsPerRegion = Ec2ImagesCollector.DefaultPermissionsPerRegion) : ICollector, ISnapshotPart
{
    /// <summary>As for snapshots: about 1.3 s per region at 16 calls in flight.</summary>
    public const int DefaultPermissionsPerRegion = 200;
    private const string Attribute = "launchPermission";

    public int PermissionsPerRegion { get; } = permissionsPerRegion;
    public string Name => "ec2.images";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeImages, Ec2Operations.DescribeImageAttribute];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        var pages = await context.SdkPagesAsync(Ec2Operations.DescribeImages,
            new JsonObject { ["Owners"] = new JsonArray("self"), ["MaxResults"] = 1000 }, async (token, c) =>
            {
                var r = await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], MaxResults = 1000, NextToken = token }, c);
                return (r, r.NextToken);
            }, ct).ConfigureAwait(false);
        var newestFirst = (pages ?? []).SelectMany(p => p.Images ?? []).DistinctBy(i => i.ImageId)
            .OrderByDescending(i => Created(i.CreationDate) ?? DateTimeOffset.MinValue).ThenBy(i => i.ImageId, StringComparer.Ordinal).ToList();
        await Task.WhenAll(newestFirst.Take(PermissionsPerRegion).Select(i => context.SdkAsync(Ec2Operations.DescribeImageAttribute,
            new JsonObject { ["ImageId"] = i.ImageId, ["Attribute"] = Attribute }, null,
            c => ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = i.ImageId, Attribute = ImageAttributeName.LaunchPermission }, c),
            ct, "InvalidAMIID.NotFound", "InvalidAMIID.Unavailable"))).ConfigureAwait(false);
        var unasked = newestFirst.Skip(PermissionsPerRegion).ToList();
        await BoundedPermissionReads.RecordUnaskedAsync(context, Name, Ec2Operations.DescribeImageAttribute, Attribute, PermissionsPerRegion,
            unasked.Count, unasked.Count > 0 ? Created(unasked[0].CreationDate) : null, "images", ct).ConfigureAwait(false);
    }

    /// <summary>DescribeImages' creationDate is a string (ISO 8601, UTC).</summary>
    private static DateTimeOffset? Created(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var permissions = await BoundedPermissionReads.ReadAsync(answers, "DescribeImageAttribute", "imageId", Attribute, ct).ConfigureAwait(false);
        await answers.ForEachXmlAsync("ec2", "DescribeImages", a =>
        {
            foreach (var item in a.Body.Element("imagesSet")?.Elements("item") ?? [])
            {
                var region = a.Record.Region ?? "";
                var id = item.Required("imageId");
                var snapshots = item.Element("blockDeviceMapping")?.Elements("item")
                    .Select(b => b.Element("ebs")?.Text("snapshotId")).OfType<string>().Where(x => x.Length > 0).ToList() ?? [];
                s.Images.Add(new ImageFact(region, id, item.Text("name"), item.Date("creationDate"), item.Text("imageState"),
                    item.Bool("isPublic"), snapshots, a.Record.Sha256) { LaunchPermissions = permissions.GetValueOrDefault((region, id)) });
            }
        }, ct).ConfigureAwait(false);
        AccountSnapshot.Dedupe(s.Images, f => (f.Region, f.ImageId));
    }
}
