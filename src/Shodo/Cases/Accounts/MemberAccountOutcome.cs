using System.Text.Json.Serialization;

namespace Shodo.Cases.Accounts;

/// <summary>
/// How the response in one member account ended, as accounts.json records it: entered or not (a named gap, with AWS's
/// answer), its sub-case (relative to the parent case) and that sub-case's journal head — anchored in the parent's chain.
/// </summary>
public sealed record MemberAccountOutcome
{
    public required string AccountId { get; init; }
    public required IReadOnlyList<string> Why { get; init; }
    public required string RoleArn { get; init; }
    public bool Entered { get; init; }
    /// <summary>The sub-case folder, relative to the parent case (<c>accounts/ID/CASE</c>).</summary>
    public string? Case { get; init; }
    /// <summary>done, incomplete, failed or stopped: the worst of the member's steps.</summary>
    public string? Outcome { get; init; }
    public bool Contained { get; init; }
    public string? Detail { get; init; }
    /// <summary>AWS's error code when the role could not be assumed (or the response there gave up).</summary>
    public string? Code { get; init; }
    public string? Message { get; init; }
    /// <summary>The attacker's session keys of the role Shodo entered by: left to the organisation's SCP (Response.Accounts.ResponderRoleSessions).</summary>
    public IReadOnlyList<string> SessionsLeftToScp { get; init; } = [];
    public long? JournalSeq { get; init; }
    public string? JournalHead { get; init; }

    [JsonIgnore] public bool Gap => !Entered || Outcome is "failed";
}
