using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>A KMS operation: the key the call names (KeyId as an id or ARN) is the resource it is authorized on.</summary>
public abstract class KmsAction : JsonAction
{
    public override string Resource(AwsRequest request)
    {
        JsonObject input;
        try { input = JsonBody.Parse(request.Body); }
        catch (AwsError) { return "*"; }
        var keyId = KmsJson.String(input, "KeyId");
        if (string.IsNullOrEmpty(keyId)) return "*";
        return keyId.StartsWith("arn:", StringComparison.Ordinal) ? keyId
            : $"arn:{request.Partition}:kms:{request.Region}:{request.AccountId}:key/{keyId}";
    }
}
