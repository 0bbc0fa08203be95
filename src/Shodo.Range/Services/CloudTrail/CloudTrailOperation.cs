using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>One CloudTrail operation: its name, whether it only reads, and its handler (input → output).</summary>
public sealed record CloudTrailOperation(string Name, bool ReadOnly, Func<AwsCall, JsonObject, JsonObject> Handle);
