using Shodo.Containment.Verify;

namespace Shodo.Containment.Apply;

/// <summary>How apply runs: how long to wait for an after-state (IAM and EC2 are eventually consistent), how many targets at once.</summary>
public sealed record ApplyOptions
{
    /// <summary>The bounded wait for an after-state to be observed after the change.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan FirstRecheck { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxRecheck { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Targets worked on at once (across regions).</summary>
    public int Parallelism { get; init; } = 16;
    /// <summary>Only these action ids (null: all of the plan).</summary>
    public IReadOnlySet<string>? Only { get; init; }
    /// <summary>Run the verification pass after applying.</summary>
    public bool Verify { get; init; } = true;
    /// <summary>How long an instance may stay in stopping before verification calls it stuck (not contained).</summary>
    public TimeSpan StuckStoppingAfter { get; init; } = StuckStop.DefaultAfter;
}
