using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// CloudTrail over JSON 1.1 (X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.Op).
/// Each operation is one file; add it to <see cref="Operations"/>.
/// </summary>
public sealed class CloudTrailService : IAwsService
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    private static readonly Dictionary<string, CloudTrailOperation> Operations = new[]
    {
        LookupEvents.Operation,
        CreateTrail.Operation,
        DescribeTrails.Operation,
        GetTrailStatus.Operation,
        GetEventSelectors.Operation,
        PutEventSelectors.Operation,
        StartLogging.Operation,
        StopLogging.Operation,
        ListPublicKeys.Operation,
    }.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public string Name => "cloudtrail";
    public string EventSource => "cloudtrail.amazonaws.com";
    public AwsProtocol Protocol => AwsProtocol.Json;
    public string XmlNamespace => "";
    public bool IsGlobal => false;

    public AwsOperation Resolve(AwsRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        var name = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        if (!Operations.TryGetValue(name, out var op))
            throw new AwsError("UnknownOperationException", $"Unknown operation {name}");
        return new AwsOperation(op.Name, "cloudtrail:" + op.Name, op.ReadOnly, TrailArn(request));
    }

    /// <summary>The trail the call names (Name or TrailName), as an ARN for authorization ("*" when none).</summary>
    private static string TrailArn(AwsRequest request)
    {
        JsonObject input;
        try { input = CloudTrailJson.Parse(request.Body); }
        catch (AwsError) { return "*"; }
        var name = CloudTrailJson.String(input, "Name") ?? CloudTrailJson.String(input, "TrailName");
        if (string.IsNullOrEmpty(name)) return "*";
        return name.StartsWith("arn:", StringComparison.Ordinal) ? name
            : $"arn:{request.Partition}:cloudtrail:{request.Region}:{request.AccountId}:trail/{name}";
    }

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        var op = Operations[call.Operation.Name];
        var input = CloudTrailJson.Parse(call.Request.Body);
        call.RequestParameters = CloudTrailJson.CamelCase(input);
        JsonObject output;
        lock (call.State.Sync) output = op.Handle(call, input);
        if (!op.ReadOnly) call.ResponseElements = CloudTrailJson.CamelCase(output);
        return Task.FromResult<AwsResponse>(new JsonResult(output));
    }
}
