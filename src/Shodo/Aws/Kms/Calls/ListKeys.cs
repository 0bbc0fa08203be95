using System.Text.Json;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms.Calls;

/// <summary>kms:ListKeys — the ids of every key of the region.</summary>
public sealed record ListKeys : KmsPagedCall<string>
{
    public override AwsOperation Operation => KmsOperations.ListKeys;
    public override IReadOnlyList<string> Read(JsonElement r) => r.Items("Keys").Select(k => k.Text("KeyId")).OfType<string>().ToList();
}
