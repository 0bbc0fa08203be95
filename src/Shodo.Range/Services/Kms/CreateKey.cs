using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>CreateKey: a customer managed key in the call's region, with the given key policy (checked) or the default one.</summary>
internal sealed class CreateKey : KmsAction
{
    public override string Name => "CreateKey";

    private static readonly string[] KeyUsages = ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC"];
    private static readonly string[] KeySpecs =
        ["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT",
         "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2"];

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var spec = KmsJson.String(input, "KeySpec") ?? KmsJson.String(input, "CustomerMasterKeySpec") ?? "SYMMETRIC_DEFAULT";
        if (!KeySpecs.Contains(spec))
            throw new AwsError("ValidationException", $"1 validation error detected: Value '{spec}' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", KeySpecs)}]");
        var usage = KmsJson.String(input, "KeyUsage");
        if (usage is not null && !KeyUsages.Contains(usage))
            throw new AwsError("ValidationException", $"1 validation error detected: Value '{usage}' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", KeyUsages)}]");
        usage ??= spec == "SYMMETRIC_DEFAULT" ? "ENCRYPT_DECRYPT"
            : throw new AwsError("ValidationException", $"You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
        if (spec == "SYMMETRIC_DEFAULT" && usage != "ENCRYPT_DECRYPT" || spec.StartsWith("HMAC_", StringComparison.Ordinal) && usage != "GENERATE_VERIFY_MAC")
            throw new AwsError("ValidationException", $"KeyUsage {usage} is not compatible with KeySpec {spec}");
        var origin = KmsJson.String(input, "Origin") ?? "AWS_KMS";
        if (origin is not ("AWS_KMS" or "EXTERNAL"))
            throw new AwsError("CustomKeyStoreNotFoundException", "A custom key store is required for this origin and none exists in this account.");
        var policy = KmsJson.String(input, "Policy");
        if (policy is not null)
            KeyPolicyCheck.Check(call, policy, input["BypassPolicyLockoutSafetyCheck"] is JsonValue b && b.TryGetValue<bool>(out var bypass) && bypass);

        var key = call.State.CreateKmsKey(call.Region, policy, KmsJson.String(input, "Description") ?? "");
        key.KeyUsage = usage;
        key.KeySpec = spec;
        key.Origin = origin;
        key.MultiRegion = input["MultiRegion"] is JsonValue m && m.TryGetValue<bool>(out var multi) && multi;
        if (origin == "EXTERNAL") key.KeyState = "PendingImport";
        return new JsonObject { ["KeyMetadata"] = KmsJson.Metadata(key) };
    }
}
