using System.Text.Json;
using Shodo.Cases;
using Shodo.Investigation.Sources;

namespace Shodo.Investigation.Triage;

/// <summary>
/// candidates.json as written and read (<see cref="CandidatesFile"/>): the window, the records read, the ranked
/// candidates with their signs and the command that confirms each, what could not be read, and what triage cannot tell.
/// </summary>
public sealed record CandidatesDocument(string Format, CandidatesWindow Window, int RecordsRead,
    IReadOnlyList<CandidateEntry> Candidates, IReadOnlyList<CandidatesGap> Gaps, IReadOnlyList<string> CannotTell)
{
    /// <summary>The member names and null members as the file has always held them (camelCase, nulls written).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly IReadOnlyList<string> WhatTriageCannotTell =
    [
        "LookupEvents holds management events only: reads of S3 objects and other data events were not examined.",
        "Activity before the baseline was not examined, so a long-running compromise can look like the baseline.",
        "A candidate is a sign, not a finding: nothing was attributed to an attacker or contained.",
    ];

    public static CandidatesDocument Of(string caseId, TriageResult result, DateTimeOffset baselineSince) => new(
        CandidatesFile.Format,
        new CandidatesWindow(CaseTime.Format(result.Since), CaseTime.Format(result.Until), CaseTime.Format(baselineSince)),
        result.RecordsRead,
        result.Candidates.Select(c => CandidateEntry.Of(caseId, c)).ToList(),
        result.Gaps.Select(CandidatesGap.Of).ToList(),
        WhatTriageCannotTell);
}

/// <summary>The window triage read: since, until, and the start of the baseline it compared against.</summary>
public sealed record CandidatesWindow(string Since, string Until, string BaselineSince);

/// <summary>One candidate: who (<see cref="Kind"/> access-key or user, <see cref="Id"/>), how strong, its signs, who created it, how to confirm it.</summary>
public sealed record CandidateEntry(string Kind, string Id, string? UserName, string Strength, bool LikelyOrigin, string? FirstSeen,
    IReadOnlyList<string> CreatedBy, string? Confirm, IReadOnlyList<CandidateSign> Signs)
{
    public static CandidateEntry Of(string caseId, Candidate c) => new(
        c.Id.Kind, c.Id.Id, c.UserName, c.Strength, c.LikelyOrigin, c.FirstSeen is { } t ? CaseTime.Format(t) : null,
        c.CreatedBy.Select(x => x.ToString()).ToList(),
        c.ConfirmArguments is { } args ? $"shodo respond --resume {caseId} {args}" : null,
        c.Signs.Select(CandidateSign.Of).ToList());
}

/// <summary>One sign pointing at a candidate: its kind, its summary (and in each report language), where and when, the events, what it created.</summary>
public sealed record CandidateSign(string Kind, string Summary, IReadOnlyDictionary<string, string>? Summaries, string? FirstSeen,
    IReadOnlyList<string> Regions, IReadOnlyList<string> EventIds, IReadOnlyList<string> Created)
{
    public static CandidateSign Of(Sign s) => new(
        s.Kind, s.Summary, s.Summaries, s.FirstSeen is { } f ? CaseTime.Format(f) : null,
        s.Regions, s.EventIds, s.Created.Select(x => x.ToString()).ToList());
}

/// <summary>Something triage could not read.</summary>
public sealed record CandidatesGap(string Source, string? Region, string Kind, string? Code, string Message)
{
    public static CandidatesGap Of(SourceGap g) => new(g.Source, g.Region, g.Kind, g.Code, g.Message);
}
