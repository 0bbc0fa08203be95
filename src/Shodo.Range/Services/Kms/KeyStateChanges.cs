using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Kms;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// The key states DisableKey, EnableKey, ScheduleKeyDeletion and CancelKeyDeletion move between (the KMS developer guide, "Key
/// states of AWS KMS keys"): a key pending deletion or import refuses them with KMSInvalidStateException. Each call names its key
/// by id or ARN and is authorized by the key policy, so an AWS managed key (<c>aws/ebs</c>, <c>aws/rds</c>), whose policy allows
/// no principal these actions, answers AccessDeniedException as KMS does: its state cannot be changed.
/// </summary>
internal static class KeyStateChanges
{
    public static KmsKey Key(AwsCall call, JsonObject input, params string[] from)
    {
        var key = KmsJson.Key(call, KmsJson.Required(input, "KeyId"));
        if (!from.Contains(key.KeyState)) throw InvalidState(key);
        return key;
    }

    /// <summary>KMS's words for a key in a state the operation does not accept.</summary>
    public static AwsError InvalidState(KmsKey key) =>
        new("KMSInvalidStateException", $"{key.Arn} is {Words(key.KeyState)}.");

    private static string Words(string state) => state switch
    {
        "PendingDeletion" => "pending deletion",
        "PendingImport" => "pending import",
        _ => state.ToLowerInvariant(),
    };
}
