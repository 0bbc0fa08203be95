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

    /// <summary>
    /// The account's snapshot still being recorded beside triage (completes when the collection has finished); null when
    /// the case holds the finished snapshot. While it is under way triage does not wait for it: the events and targeted
    /// reads of the principals they name carry it (<see cref="TriageState"/>), and only when those cannot does it wait.
    /// </summary>
    public Func<CancellationToken, Task>? SnapshotUnderway { get; init; }
}
