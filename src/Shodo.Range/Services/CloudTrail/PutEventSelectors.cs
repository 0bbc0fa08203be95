using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>PutEventSelectors: replaces the trail's classic event selectors (up to 5; S3 data resources only).</summary>
internal sealed class PutEventSelectors : CloudTrailAction
{
    public override string Name => "PutEventSelectors";
    private static readonly string[] ReadWriteTypes = ["ReadOnly", "WriteOnly", "All"];

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindInHomeRegion(call, CloudTrailJson.RequiredString(input, "TrailName", "InvalidTrailNameException"));
        if (input["AdvancedEventSelectors"] is not null)
            throw Invalid("Advanced event selectors are not supported by this range.");
        if (input["EventSelectors"] is not JsonArray list || list.Count is 0 or > 5)
            throw Invalid("You must specify between 1 and 5 event selectors.");
        trail.EventSelectors = list.Select(Selector).ToList();
        trail.HasCustomEventSelectors = true;
        return new JsonObject
        {
            ["TrailARN"] = trail.Arn,
            ["EventSelectors"] = TrailJson.Selectors(trail.EventSelectors),
        };
    }

    private static EventSelector Selector(JsonNode? node)
    {
        if (node is not JsonObject s) throw Invalid("An event selector must be an object.");
        var readWrite = CloudTrailJson.String(s, "ReadWriteType") ?? "All";
        if (!ReadWriteTypes.Contains(readWrite)) throw Invalid($"Invalid ReadWriteType {readWrite}.");
        var resources = (s["DataResources"] as JsonArray ?? []).Select(r =>
        {
            if (r is not JsonObject o || CloudTrailJson.String(o, "Type") is not { } type) throw Invalid("DataResource Type is required.");
            if (type != DataResource.S3Object) throw Invalid($"Value {type} for DataResources.Type is not supported.");
            var values = (o["Values"] as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "").ToList();
            if (values.Any(v => !v.StartsWith("arn:aws:s3", StringComparison.Ordinal) && !v.StartsWith("arn:aws-cn:s3", StringComparison.Ordinal)
                                && !v.StartsWith("arn:aws-us-gov:s3", StringComparison.Ordinal)))
                throw Invalid("Value for DataResources.Values must be an S3 ARN such as arn:aws:s3:::bucket/.");
            return new DataResource(type, values);
        }).ToList();
        return new EventSelector(readWrite, CloudTrailJson.Bool(s, "IncludeManagementEvents") ?? true, resources);
    }

    private static AwsError Invalid(string message) => new("InvalidEventSelectorsException", message);
}
