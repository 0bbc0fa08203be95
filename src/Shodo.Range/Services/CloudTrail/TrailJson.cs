using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>Trails and event selectors in CloudTrail's JSON shapes, and finding a trail by name or ARN.</summary>
internal static class TrailJson
{
    public static JsonObject Trail(Trail trail, bool withHomeRegion = true)
    {
        var json = new JsonObject
        {
            ["Name"] = trail.Name,
            ["S3BucketName"] = trail.S3BucketName,
        };
        if (trail.S3KeyPrefix is not null) json["S3KeyPrefix"] = trail.S3KeyPrefix;
        json["IncludeGlobalServiceEvents"] = trail.IncludeGlobalServiceEvents;
        json["IsMultiRegionTrail"] = trail.IsMultiRegion;
        if (withHomeRegion) json["HomeRegion"] = trail.HomeRegion;
        json["TrailARN"] = trail.Arn;
        json["LogFileValidationEnabled"] = trail.LogFileValidationEnabled;
        if (withHomeRegion)
        {
            json["HasCustomEventSelectors"] = trail.HasCustomEventSelectors;
            json["HasInsightSelectors"] = false;
        }
        json["IsOrganizationTrail"] = trail.IsOrganizationTrail;
        return json;
    }

    public static JsonArray Selectors(IEnumerable<EventSelector> selectors) => new(selectors.Select(s => (JsonNode)new JsonObject
    {
        ["ReadWriteType"] = s.ReadWriteType,
        ["IncludeManagementEvents"] = s.IncludeManagementEvents,
        ["DataResources"] = new JsonArray(s.Resources.Select(r => (JsonNode)new JsonObject
        {
            ["Type"] = r.Type,
            ["Values"] = new JsonArray(r.Values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
        }).ToArray()),
        ["ExcludeManagementEventSources"] = new JsonArray(),
    }).ToArray());

    public static Trail Find(AwsCall call, string nameOrArn) =>
        call.State.FindTrail(nameOrArn, call.Region) ?? throw NotFound(call, nameOrArn);

    /// <summary>A trail the caller may read: its own, or in a member account an organisation trail named by its ARN.</summary>
    public static Trail FindVisible(AwsCall call, string nameOrArn) =>
        call.State.FindVisibleTrail(nameOrArn, call.Region) ?? throw NotFound(call, nameOrArn);

    /// <summary>
    /// The trail a change names (StartLogging, StopLogging, PutEventSelectors, UpdateTrail, DeleteTrail): the caller's own, called
    /// in its home region. In a member account the organisation trail, named by its ARN, is seen (a shadow trail) but is the
    /// management account's to change: CloudTrail refuses with NotOrganizationMasterAccountException (every one of these
    /// operations lists it in CloudTrail's service model); by its name it is not found, as for any read.
    /// </summary>
    public static Trail FindInHomeRegion(AwsCall call, string nameOrArn)
    {
        if (call.State.FindTrail(nameOrArn, call.Region) is null
            && call.State.FindVisibleTrail(nameOrArn, call.Region) is { IsOrganizationTrail: true } shadow)
            throw new AwsError("NotOrganizationMasterAccountException",
                $"The account {call.AccountId} is not the management account for an organization. Only the management account can " +
                $"change or delete the organization trail {shadow.Arn}.");
        var trail = Find(call, nameOrArn);
        if (trail.HomeRegion != call.Region)
            throw new AwsError("InvalidHomeRegionException",
                $"This operation must be called from the trail's home region, {trail.HomeRegion}.");
        return trail;
    }

    private static AwsError NotFound(AwsCall call, string nameOrArn)
    {
        var arn = nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? nameOrArn : $"arn:{call.State.Partition}:cloudtrail:{call.Region}:{call.AccountId}:trail/{nameOrArn}";
        return new AwsError("TrailNotFoundException", $"Unknown trail: {arn} for the user: {call.AccountId}");
    }
}
