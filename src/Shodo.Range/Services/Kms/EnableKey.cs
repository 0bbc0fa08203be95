using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>EnableKey: a disabled (or already enabled) key becomes Enabled.</summary>
internal sealed class EnableKey : KmsAction
{
    public override string Name => "EnableKey";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        KeyStateChanges.Key(call, input, "Enabled", "Disabled").KeyState = "Enabled";
        return new JsonObject();
    }
}
