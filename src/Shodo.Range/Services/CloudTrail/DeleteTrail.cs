using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// DeleteTrail: the trail stops logging (calls up to this one are still delivered, as after StopLogging) and is gone; the log
/// files already in its bucket stay, and event history is unaffected. Only in its home region, and never a member account's
/// deletion of the organisation trail it sees (<see cref="TrailJson.FindInHomeRegion"/>).
/// </summary>
internal sealed class DeleteTrail : CloudTrailAction
{
    public override string Name => "DeleteTrail";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindInHomeRegion(call, CloudTrailJson.RequiredString(input, "Name", "InvalidTrailNameException"));
        if (trail.IsLogging) trail.StopLogging(call.Now, call.RequestId);
        call.State.DeliverTrailLogs(trail.S3BucketName);
        call.State.Trails.Remove(trail.Arn);
        return [];
    }
}
