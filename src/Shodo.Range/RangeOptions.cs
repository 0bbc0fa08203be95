namespace Shodo.Range;

/// <summary>How to start a range: the account it serves, its clock, and the faults it injects.</summary>
public sealed class RangeOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }
    public string AccountId { get; init; } = RangeInfo.DefaultAccountId;
    /// <summary>
    /// How many accounts the range serves: 1 (the default) a standalone account; more an AWS Organization whose
    /// management account is <see cref="AccountId"/> and whose members are the others (<see cref="State.Organizations.RangeOrganization"/>).
    /// </summary>
    public int Accounts { get; init; } = 1;

    /// <summary>The AWS partition the account stands for (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>): its ARNs and regions follow.</summary>
    public string Partition { get; init; } = State.RangePartitions.Aws;
    /// <summary>The real time under the simulated clock; tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    public RangeLatency Latency { get; init; } = RangeLatency.None;
    /// <summary>Fraction (0..1) of calls answered with the protocol's throttling error.</summary>
    public double ThrottleRate { get; init; }
    /// <summary>Fraction (0..1) of calls answered with a 500/503 server error.</summary>
    public double ErrorRate { get; init; }
    /// <summary>Fraction (0..1) of calls whose connection is reset without an answer.</summary>
    public double ResetRate { get; init; }
    /// <summary>How long after a call its event can be seen (LookupEvents, trail log files); CloudTrail's is minutes.</summary>
    public TimeSpan EventDelay { get; init; }
    /// <summary>LookupEvents and trail log reads that fail for the responder; null = the scenario's (none unless it says).</summary>
    public IReadOnlyList<Faults.SightFault>? Sight { get; init; }
    /// <summary>Scenario to seed (carried for the scenario loader; null = an empty account).</summary>
    public string? Scenario { get; init; }
    /// <summary>Whether a live adversary acts while the range runs (carried for the adversary).</summary>
    public bool Adversary { get; init; }
    /// <summary>Services served in addition to <see cref="Serving.ServiceCatalog"/> (tests of the dispatcher).</summary>
    public IReadOnlyList<Serving.IAwsService> ExtraServices { get; init; } = [];
    /// <summary>How often the live adversary acts; <see cref="Timeout.InfiniteTimeSpan"/> = only when ticked by hand.</summary>
    public TimeSpan AdversaryInterval { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>How long a policy change takes to take effect (IAM is eventually consistent); zero = at once.</summary>
    public TimeSpan IamPropagation { get; init; }
    /// <summary>Seed for the fault and latency dice, for reproducible runs; null = random.</summary>
    public int? Seed { get; init; }
}

/// <summary>Per-call latency: none, or as from a distant region (50–150 ms).</summary>
public enum RangeLatency { None, Realistic }
