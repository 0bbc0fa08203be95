namespace Shodo.Response;

/// <summary>
/// Where a response starts and how far it may go alone. With neither a key nor a user name it looks
/// for the signs of compromise and presents candidates, containing nothing unconfirmed.
/// </summary>
public sealed record ResponseRequest
{
    public string? AccessKeyId { get; init; }
    public string? UserName { get; init; }
    public DateTimeOffset? Since { get; init; }
    /// <summary>Apply the plan's actions that are within the responder's authority without asking (--yes, or the drill).</summary>
    public bool ApplyWithinAuthority { get; init; }
    /// <summary>
    /// How long to keep watching after the first containment: events arrive late (CloudTrail delivers minutes after a
    /// call), so the response reads them again, re-checks what it contained and contains what appears. Zero: no watch.
    /// </summary>
    public TimeSpan Watch { get; init; }
    /// <summary>How often the watch looks again.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The other accounts of the organisation to respond in besides this one (the accounts the attacker reached are always entered).</summary>
    public Accounts.MemberAccountsRequest Members { get; init; } = new();
    /// <summary>Report language: en or ja.</summary>
    public string Language { get; init; } = "en";
}
