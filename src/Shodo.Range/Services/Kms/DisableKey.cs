using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>DisableKey: an enabled (or already disabled) key becomes Disabled; nothing it encrypts can be decrypted until EnableKey.</summary>
internal sealed class DisableKey : KmsAction
{
    public override string Name => "DisableKey";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        KeyStateChanges.Key(call, input, "Enabled", "Disabled").KeyState = "Disabled";
        return new JsonObject();
    }
}
