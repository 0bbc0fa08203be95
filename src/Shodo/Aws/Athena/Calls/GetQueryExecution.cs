using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Athena.Calls;

/// <summary>athena:GetQueryExecution — a query's state (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED) and why.</summary>
public sealed record GetQueryExecution(string QueryExecutionId) : JsonCall<AthenaQueryStatus>
{
    public override AwsOperation Operation => AthenaOperations.GetQueryExecution;
    public override void Write(JsonObject body) => body["QueryExecutionId"] = QueryExecutionId;

    public override AthenaQueryStatus Read(JsonElement result)
    {
        var execution = result.Child("QueryExecution") ?? default;
        var status = execution.Child("Status") ?? default;
        var statistics = execution.Child("Statistics") ?? default;
        return new AthenaQueryStatus(status.Text("State") ?? "UNKNOWN", status.Text("StateChangeReason"),
            statistics.ValueKind == JsonValueKind.Object && statistics.TryGetProperty("DataScannedInBytes", out var scanned)
                && scanned.TryGetInt64(out var bytes) ? bytes : null);
    }
}

/// <summary>Where an Athena query is, and how much it scanned (what it costs).</summary>
public sealed record AthenaQueryStatus(string State, string? Reason, long? DataScannedInBytes)
{
    public bool Finished => State is "SUCCEEDED" or "FAILED" or "CANCELLED";
    public bool Succeeded => State == "SUCCEEDED";
}
