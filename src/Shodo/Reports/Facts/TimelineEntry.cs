using Shodo.Investigation.Timeline;

namespace Shodo.Reports.Facts;

/// <summary>
/// One point on the report's single time axis: an attacker (or account) event from CloudTrail, or a
/// response step from the journal. <see cref="Actor"/> is the identity that acted (attacker identity
/// name, user, or the responder).
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset Time, bool Response, string Actor, string? Region, string Action, string Description, bool Failed)
{
    public TimelineEvent? Event { get; init; }
    public string? JournalKind { get; init; }
    public long? JournalSeq { get; init; }
}
