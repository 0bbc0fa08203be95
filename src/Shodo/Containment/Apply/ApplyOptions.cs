using Shodo.Containment.Verify;

namespace Shodo.Containment.Apply;

/// <summary>How apply runs: how long to wait for an after-state (IAM and EC2 are eventually consistent), how many targets at once.</summary>
public sealed record ApplyOptions
{
    /// <summary>The bounded wait for an after-state to be observed after the change.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan FirstRecheck { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxRecheck { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Targets worked on at once (across regions: a few per region, well within EC2's and IAM's request rates).</summary>
    public int Parallelism { get; init; } = 48;
    /// <summary>Only these action ids (null: all of the plan).</summary>
    public IReadOnlySet<string>? Only { get; init; }
    /// <summary>Who Shodo runs as, when the caller already asked (saves a round trip on the first move); null: ask STS.</summary>
    public Shodo.Aws.Connection.CallerIdentity? Responder { get; init; }
    /// <summary>
    /// The plan was built moments ago by this same process: the separate pass that re-reads every target before the
    /// first change is skipped, and each action instead refuses its own target when the read it takes as the
    /// before-state shows the target is no longer the one planned (the first move, where every round trip counts).
    /// </summary>
    public bool FreshPlan { get; init; }
    /// <summary>Run the verification pass after applying.</summary>
    public bool Verify { get; init; } = true;
    /// <summary>How long an instance may stay in stopping before verification calls it stuck (not contained).</summary>
    public TimeSpan StuckStoppingAfter { get; init; } = StuckStop.DefaultAfter;
}
