namespace Shodo.Investigation;

/// <summary>
/// Where an investigation starts and what it reads. At least one of <see cref="AccessKeyId"/> and
/// <see cref="UserName"/>. <see cref="Sources"/>: <c>lookup</c>, a folder, or <c>s3://bucket/prefix</c>;
/// empty means LookupEvents plus the log files of every collected trail that delivers to S3.
/// </summary>
public sealed record InvestigationOptions
{
    public string? AccessKeyId { get; init; }
    public string? UserName { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>How often one LookupEvents page is asked for again while it is throttled.</summary>
    public int LookupPageAttempts { get; init; } = 8;
    /// <summary>What this response read of LookupEvents already (the pursuit's reads): only what may have arrived since is asked again.</summary>
    public Sources.Lookup.LookupsRead? LookupsRead { get; init; }
    /// <summary>
    /// A member account's choice of source: the organisation trail the parent found, read through the parent's connection
    /// instead of the member's LookupEvents, or why not (null, any account's own: LookupEvents and the account's own trails).
    /// </summary>
    public Sources.LogFiles.OrganizationTrailChoice? OrganizationTrail { get; init; }
}
