using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>GetEventSelectors: the trail's classic event selectors.</summary>
internal static class GetEventSelectors
{
    public static readonly CloudTrailOperation Operation = new("GetEventSelectors", ReadOnly: true, Handle);

    private static JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.Find(call, CloudTrailJson.RequiredString(input, "TrailName", "InvalidTrailNameException"));
        return new JsonObject
        {
            ["TrailARN"] = trail.Arn,
            ["EventSelectors"] = TrailJson.Selectors(trail.EventSelectors),
        };
    }
}
