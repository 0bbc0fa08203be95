using Shodo.Cases;
using Shodo.Range;

namespace Shodo.Drill;

/// <summary>What one drill rehearses: the scenario and its adversary's pace, with or without the key, and where its case goes.</summary>
public sealed record DrillOptions
{
    /// <summary>The drill's adversary acts at most every 0.2 s: faster, the rehearsal measures the machine, not the response.</summary>
    public const double MinAdversaryInterval = 0.2;

    public string Scenario { get; init; } = "leaked-key-cryptomining";
    public RangeLatency Latency { get; init; } = RangeLatency.None;
    public TimeSpan AdversaryInterval { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// How long after a call the range shows its event, as CloudTrail does minutes after the call: the response must
    /// not depend on seeing the last moments (the first move does not), and its watch must catch what appears late.
    /// Scaled down from CloudTrail's 5–15 minutes so a drill still ends in seconds.
    /// </summary>
    public TimeSpan EventDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>The response's watch for late events (<see cref="EventDelay"/> scaled the same way) and how often it looks.</summary>
    public TimeSpan Watch { get; init; } = TimeSpan.FromSeconds(6);
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Rehearse "something is wrong": triage first, then the drill confirms the first candidate, as the person on call would.</summary>
    public bool WithoutKey { get; init; }
    /// <summary>Language of the report and of the notices (en or ja).</summary>
    public string Language { get; init; } = "en";
    public required string CasesDirectory { get; init; }
    public required CaseOptions CaseOptions { get; init; }
    /// <summary>Reads an environment variable (the response's configuration may name some).</summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
