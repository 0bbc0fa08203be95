using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>StartLogging: the trail records and delivers from now on (idempotent).</summary>
internal sealed class StartLogging : CloudTrailAction
{
    public override string Name => "StartLogging";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindInHomeRegion(call, CloudTrailJson.RequiredString(input, "Name", "InvalidTrailNameException"));
        trail.StartLogging(call.Now);
        return [];
    }
}
