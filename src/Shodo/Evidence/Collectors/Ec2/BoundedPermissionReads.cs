using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>
/// Who may use a snapshot or image (createVolumePermission, launchPermission): one Describe*Attribute call each, so only
/// the newest of a region are asked, and the rest are one coverage gap of kind <see cref="GapKinds.Bounded"/> naming how
/// many were not asked and the newest time among them, never silence. The answers are read back as region and id →
/// the accounts (or group <c>all</c>) the attribute names.
/// </summary>
internal static class BoundedPermissionReads
{
    public static async Task RecordUnaskedAsync(CollectionContext context, string collector, AwsOperation operation, string attribute,
        int asked, int unasked, DateTimeOffset? newest, string what, CancellationToken ct)
    {
        if (unasked == 0) return;
        var time = newest?.ToString("O", CultureInfo.InvariantCulture) ?? "unknown";
        await context.RecordAsync(CoverageGap.Bounded(collector, operation, context.Region,
            new JsonObject { ["Attribute"] = attribute, ["NotAsked"] = unasked, ["NewestNotAsked"] = time },
            $"{attribute} read for the {asked} newest {what} only; {unasked} {(what == "snapshots" ? "started" : "created")} at or before {time} not read",
            context.Time.GetUtcNow()), ct).ConfigureAwait(false);
    }

    /// <summary>The stored answers of <paramref name="operation"/> (answers without an id are NotFound: gone since listed).</summary>
    public static async Task<Dictionary<(string Region, string Id), IReadOnlyList<string>>> ReadAsync(StoredAnswers answers, string operation,
        string idElement, string attribute, CancellationToken ct)
    {
        var permissions = new Dictionary<(string, string), IReadOnlyList<string>>();
        await answers.ForEachXmlAsync("ec2", operation, a =>
        {
            if (a.Body.Text(idElement) is not { Length: > 0 } id) return;
            permissions[(a.Record.Region ?? "", id)] = a.Body.Element(attribute)?.Elements("item")
                .Select(i => i.Text("userId") ?? i.Text("group")).OfType<string>().ToList() ?? [];
        }, ct).ConfigureAwait(false);
        return permissions;
    }
}
