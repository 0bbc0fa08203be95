using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>GetEventSelectors: the trail's classic event selectors.</summary>
internal sealed class GetEventSelectors : CloudTrailAction
{
    public override string Name => "GetEventSelectors";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindVisible(call, CloudTrailJson.RequiredString(input, "TrailName", "InvalidTrailNameException"));
        return new JsonObject
        {
            ["TrailARN"] = trail.Arn,
            ["EventSelectors"] = TrailJson.Selectors(trail.EventSelectors),
        };
    }
}
