using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.CloudTrail.Calls;

/// <summary>cloudtrail:StartLogging — restart a trail the attacker stopped (containment; on the allowlist).</summary>
public sealed record StartLogging(string Name) : JsonCall<NoContent>
{
    public override AwsOperation Operation => CloudTrailOperations.StartLogging;
    public override void Write(JsonObject body) => body["Name"] = Name;
    public override NoContent Read(JsonElement r) => default;
}
