namespace Shodo.Escalation.Loop;

/// <summary>What can take an acknowledgement: the running escalation loop (used by the drill's receiver).</summary>
public interface IAcknowledgeable
{
    /// <summary>Records that <paramref name="by"/> acknowledged (via cli|inbox|api|rehearsal); false if already acknowledged.</summary>
    Task<bool> AcknowledgeAsync(string by, string via, CancellationToken ct = default);
}
