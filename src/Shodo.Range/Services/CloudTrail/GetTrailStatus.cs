using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>GetTrailStatus: whether the trail logs, and when it last started, stopped and delivered.</summary>
internal sealed class GetTrailStatus : CloudTrailAction
{
    public override string Name => "GetTrailStatus";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var trail = TrailJson.FindVisible(call, CloudTrailJson.RequiredString(input, "Name", "InvalidTrailNameException"));
        var status = new JsonObject { ["IsLogging"] = trail.IsLogging };
        if (trail.LatestDeliveryError is { } error) status["LatestDeliveryError"] = error;
        if (trail.LatestDeliveryTime is { } delivered) status["LatestDeliveryTime"] = CloudTrailJson.Epoch(delivered);
        if (trail.StartLoggingTime is { } started) status["StartLoggingTime"] = CloudTrailJson.Epoch(started);
        if (trail.StopLoggingTime is { } stopped) status["StopLoggingTime"] = CloudTrailJson.Epoch(stopped);
        status["LatestDeliveryAttemptTime"] = AttemptTime(trail.LatestDeliveryAttemptTime);
        status["LatestNotificationAttemptTime"] = "";
        status["LatestNotificationAttemptSucceeded"] = "";
        status["LatestDeliveryAttemptSucceeded"] = trail.LatestDeliveryTime is null ? "" : AttemptTime(trail.LatestDeliveryTime);
        status["TimeLoggingStarted"] = AttemptTime(trail.StartLoggingTime);
        status["TimeLoggingStopped"] = AttemptTime(trail.StopLoggingTime);
        return status;
    }

    /// <summary>The string-typed times of GetTrailStatus use ISO 8601 with Z, or "" when never.</summary>
    private static string AttemptTime(DateTimeOffset? time) =>
        time is { } t ? State.CloudTrail.CloudTrailTime.Format(t) : "";
}
