using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>CancelKeyDeletion: a key pending deletion becomes Disabled (EnableKey makes it usable again), as KMS leaves it.</summary>
internal sealed class CancelKeyDeletion : KmsAction
{
    public override string Name => "CancelKeyDeletion";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var key = KeyStateChanges.Key(call, input, "PendingDeletion");
        key.KeyState = "Disabled";
        key.DeletionDate = null;
        key.PendingDeletionWindowInDays = null;
        return new JsonObject { ["KeyId"] = key.Arn };
    }
}
