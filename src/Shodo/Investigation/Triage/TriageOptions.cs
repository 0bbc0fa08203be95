namespace Shodo.Investigation.Triage;

/// <summary>
/// The window triage examines (<see cref="Since"/> to now; default the last 24 hours) and how many days
/// before it make each key's baseline.
/// </summary>
public sealed record TriageOptions
{
    public DateTimeOffset? Since { get; init; }
    public TimeSpan DefaultWindow { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan Baseline { get; init; } = TimeSpan.FromDays(7);
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>How often one LookupEvents page is asked for again while it is throttled.</summary>
    public int LookupPageAttempts { get; init; } = 8;
}
