using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>StartLogging: the trail records and delivers from now on (idempotent).</summary>
internal static class StartLogging
{
    public static readonly CloudTrailOperation Operation = new("StartLogging", ReadOnly: false, Handle);

    private static JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindInHomeRegion(call, CloudTrailJson.RequiredString(input, "Name", "InvalidTrailNameException"));
        trail.StartLogging(call.Now);
        return [];
    }
}
