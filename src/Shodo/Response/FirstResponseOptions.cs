using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Containment.Plan;
using Shodo.Escalation.Loop;

namespace Shodo.Response;

/// <summary>What one <see cref="FirstResponse"/> is asked to do: where AWS is, where it starts, what the team configured, which case.</summary>
public sealed record FirstResponseOptions
{
    /// <summary>How Shodo reaches AWS as the responder (a refusal sink on the case's journal is added once the case is open).</summary>
    public required AwsConnectionOptions Connection { get; init; }
    public required ResponseRequest Request { get; init; }
    /// <summary>The escalation chain and authority policy (checked already).</summary>
    public required ShodoConfiguration Configuration { get; init; }
    /// <summary>Where a new case folder is created.</summary>
    public required string CasesDirectory { get; init; }
    public required CaseOptions CaseOptions { get; init; }
    /// <summary>The case folder to go on with (<c>--resume</c>), already found; null opens a new case.</summary>
    public string? ResumeCaseDirectory { get; init; }
    /// <summary>Reads an environment variable (escalation secrets named in the configuration).</summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
    /// <summary>Called once the escalation chain has started (the drill's receiver acknowledges through it).</summary>
    public Action<EscalationLoop>? EscalationStarted { get; init; }
    /// <summary>Asks the person at the keyboard to allow the plan's actions within their authority; null when nobody can be asked.</summary>
    public Func<ContainmentPlan, CancellationToken, Task<bool>>? Confirm { get; init; }
    /// <summary>
    /// When nobody has acknowledged by the end, the escalation goes on elsewhere (the command line starts a detached
    /// <c>shodo escalate</c> once the case is closed): journaled as escalation.handed-off and said. False: it stops with
    /// the response, and the person is told the command that goes on.
    /// </summary>
    public bool HandEscalationOff { get; init; }
    /// <summary>How long a response that is done still waits for an acknowledgement (it ends at once when one arrives).</summary>
    public TimeSpan AcknowledgementGrace { get; init; } = FirstResponse.DefaultAcknowledgementGrace;
}
