using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>DescribeKey: the key's metadata, by key id or ARN.</summary>
internal sealed class DescribeKey : KmsAction
{
    public override string Name => "DescribeKey";

    public override JsonObject Handle(AwsCall call, JsonObject input) =>
        new() { ["KeyMetadata"] = KmsJson.Metadata(KmsJson.Key(call, KmsJson.Required(input, "KeyId"))) };
}
