using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>A CloudTrail operation: the trail the call names (Name or TrailName) is the resource it is authorized on.</summary>
public abstract class CloudTrailAction : JsonAction
{
    /// <summary>The trail the call names, as an ARN for authorization ("*" when none).</summary>
    public override string Resource(AwsRequest request)
    {
        JsonObject input;
        try { input = JsonBody.Parse(request.Body); }
        catch (AwsError) { return "*"; }
        var name = CloudTrailJson.String(input, "Name") ?? CloudTrailJson.String(input, "TrailName");
        if (string.IsNullOrEmpty(name)) return "*";
        return name.StartsWith("arn:", StringComparison.Ordinal) ? name
            : $"arn:{request.Partition}:cloudtrail:{request.Region}:{request.AccountId}:trail/{name}";
    }
}
