using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// StopLogging: the trail stops recording. Calls up to and including this one are still delivered
/// (AWS logs the StopLogging event itself); later ones are not. Event history is unaffected.
/// </summary>
internal sealed class StopLogging : CloudTrailAction
{
    public override string Name => "StopLogging";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindInHomeRegion(call, CloudTrailJson.RequiredString(input, "Name", "InvalidTrailNameException"));
        trail.StopLogging(call.Now, call.RequestId);
        return [];
    }
}
