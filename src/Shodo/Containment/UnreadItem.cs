using System.Text.Json.Nodes;
using Shodo.Aws.Errors;

namespace Shodo.Containment;

/// <summary>
/// Something containment needed to read and could not, after every retry: a target (then it is not
/// planned this round, and is not contained), a part of the baseline, or a part of what verification
/// looks at. <see cref="Retryable"/> when AWS throttled, failed on its side or did not answer — trying again
/// later can read it (<c>respond --resume</c> does). Journaled with the plan or the verification it belongs to.
/// </summary>
/// <param name="Scope">What was not read: a target key (<c>ec2-instance:us-east-1:i-0abc</c>) or a part
/// (<c>iam:users</c>, <c>ec2:regions</c>, <c>ec2:instances</c>, <c>cloudtrail:creators</c>).</param>
public sealed record UnreadItem(string Scope, string? Region, string Code, string Message, bool Retryable)
{
    /// <summary>A target that could not be read: left out of the plan.</summary>
    public bool IsTarget { get; init; }

    public static UnreadItem From(string scope, string? region, AwsServiceError e) =>
        new(scope, region, e.Code, $"{e.Service}:{e.Operation}: {e.AwsMessage}", e.IsRetryable);

    public static UnreadItem From(ContainmentTarget target, AwsServiceError e) => From(target.Key, target.Region, e) with { IsTarget = true };

    public static JsonArray ToJson(IEnumerable<UnreadItem> items) => new(items.Select(u => (JsonNode)new JsonObject
    {
        ["scope"] = u.Scope, ["region"] = u.Region, ["code"] = u.Code, ["message"] = u.Message, ["retryable"] = u.Retryable,
        ["target"] = u.IsTarget,
    }).ToArray());
}
