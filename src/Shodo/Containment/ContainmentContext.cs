using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Containment.Plan;

namespace Shodo.Containment;

/// <summary>What an action needs while it runs: the AWS connection, the case id, the clock, and where to report each change sent.</summary>
public sealed class ContainmentContext(AwsConnection aws, string caseId, TimeProvider time,
    Func<PlannedAction, AwsOperation, JsonObject, Task> changed)
{
    public AwsConnection Aws { get; } = aws;
    public string CaseId { get; } = caseId;
    public TimeProvider Time { get; } = time;

    /// <summary>Serialises the quarantine group's creation per region (actions of one VPC share it).</summary>
    public SemaphoreSlim RegionGate(string region) => _gates.GetOrAdd(region, _ => new SemaphoreSlim(1, 1));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Journals a change that was just sent (operation and request, never a secret).</summary>
    public Task ChangedAsync(PlannedAction action, AwsOperation operation, JsonObject request) => changed(action, operation, request);
}
