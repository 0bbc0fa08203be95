using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.CloudTrail.Calls;

/// <summary>cloudtrail:GetTrailStatus — is the trail logging (attackers stop trails).</summary>
public sealed record GetTrailStatus(string Name) : JsonCall<TrailStatus>
{
    public override AwsOperation Operation => CloudTrailOperations.GetTrailStatus;
    public override void Write(JsonObject body) => body["Name"] = Name;
    public override TrailStatus Read(JsonElement r) => TrailStatus.From(r);
}
