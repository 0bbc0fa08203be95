using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.CloudTrail.Calls;

/// <summary>cloudtrail:GetEventSelectors — which events a trail records (data events or not).</summary>
public sealed record GetEventSelectors(string TrailName) : JsonCall<TrailEventSelectors>
{
    public override AwsOperation Operation => CloudTrailOperations.GetEventSelectors;
    public override void Write(JsonObject body) => body["TrailName"] = TrailName;
    public override TrailEventSelectors Read(JsonElement r) => TrailEventSelectors.From(r);
}
