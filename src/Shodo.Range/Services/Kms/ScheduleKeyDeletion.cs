using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.Services.CloudTrail;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// ScheduleKeyDeletion: the key becomes PendingDeletion for a waiting period of 7 to 30 days (30 by default), unusable until
/// CancelKeyDeletion. The range never deletes the key when the period ends: it stays PendingDeletion with its DeletionDate.
/// A period outside 7–30 is a ValidationException (KMS documents the range; the message is the range's, in KMS's
/// validation wording, not verified verbatim).
/// </summary>
internal sealed class ScheduleKeyDeletion : KmsAction
{
    public override string Name => "ScheduleKeyDeletion";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var days = 30;
        if (input["PendingWindowInDays"] is JsonValue v && (!v.TryGetValue(out days) || days is < 7 or > 30))
            throw new AwsError("ValidationException",
                $"1 validation error detected: Value '{v}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between 7 and 30");
        var key = KeyStateChanges.Key(call, input, "Enabled", "Disabled", "PendingImport");
        key.KeyState = "PendingDeletion";
        key.DeletionDate = call.Now.AddDays(days);
        key.PendingDeletionWindowInDays = days;
        return new JsonObject
        {
            ["KeyId"] = key.Arn, ["DeletionDate"] = CloudTrailJson.Epoch(key.DeletionDate.Value), ["KeyState"] = key.KeyState,
            ["PendingWindowInDays"] = days,
        };
    }
}
