using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// PutKeyPolicy: replaces the key's policy ("default", the only name a key policy has) with the one given, checked as KMS
/// checks it (<see cref="KeyPolicyCheck"/>: JSON, a principal in every statement, and — unless
/// BypassPolicyLockoutSafetyCheck — the caller may put the policy again). A key pending deletion or import is
/// KMSInvalidStateException; a disabled key's policy can still be changed. The event records the whole new policy (as
/// CloudTrail does), never the one it replaced.
/// </summary>
internal sealed class PutKeyPolicy : KmsAction
{
    public override string Name => "PutKeyPolicy";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var key = KmsJson.Key(call, KmsJson.Required(input, "KeyId"));
        var name = KmsJson.Required(input, "PolicyName");
        var policy = KmsJson.Required(input, "Policy");
        if (name != "default") throw new AwsError("NotFoundException", $"No such policy exists: {name}");
        KeyPolicyCheck.Check(call, policy, input["BypassPolicyLockoutSafetyCheck"] is JsonValue b && b.TryGetValue<bool>(out var bypass) && bypass);
        KmsJson.Usable(key);
        key.Policy = policy;
        return new JsonObject();
    }
}
