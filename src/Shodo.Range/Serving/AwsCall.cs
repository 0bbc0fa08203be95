using System.Text.Json.Nodes;
using Shodo.Range.State;

namespace Shodo.Range.Serving;

/// <summary>
/// One authorized call being served: the request, the operation, who is calling, the account state
/// and the simulated time. Handlers set <see cref="RequestParameters"/> and
/// <see cref="ResponseElements"/> to what CloudTrail should record (secrets left out, as AWS does).
/// </summary>
public sealed class AwsCall
{
    public required AwsRequest Request { get; init; }
    public required AwsOperation Operation { get; init; }
    public required Caller Caller { get; init; }
    public required RangeState State { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required string RequestId { get; init; }

    public string Region => Request.Region;
    public string AccountId => State.AccountId;

    public JsonObject? RequestParameters { get; set; }
    public JsonObject? ResponseElements { get; set; }

    /// <summary>Another account that records this call too when it succeeds (a cross-account AssumeRole: the role's), as AWSAccount.</summary>
    public RangeState? AlsoRecordIn { get; set; }
}
