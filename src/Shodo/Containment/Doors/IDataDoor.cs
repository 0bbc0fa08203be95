using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// One kind of door to the data the attacker can open from inside the account — a snapshot shared with an outside
/// account, an image made launchable by others, a bucket made public — and how to close it reversibly: read who may
/// come in, shut out whoever is outside, and let back in exactly who the journaled before-state let in.
/// All doors are closed by <c>CloseDataDoor</c> (authority class <c>close-data-door</c>); adding a door is one
/// class plus one line in <see cref="DataDoors"/>.
/// </summary>
public interface IDataDoor
{
    /// <summary>The target kind (<see cref="TargetKinds"/>) this door is.</summary>
    string Kind { get; }

    /// <summary>Every AWS operation reading, closing and re-opening it sends.</summary>
    IReadOnlyList<AwsOperation> Operations { get; }

    string HowToReverse { get; }

    /// <summary>The state as read: <c>exists</c> and who may come in (the before-state evidence).</summary>
    Task<JsonObject> ReadAsync(ContainmentContext context, ContainmentTarget target, CancellationToken ct);

    /// <summary>Who outside the account may come in, as read (account ids, <c>all</c>, a principal); empty when closed.</summary>
    IReadOnlyList<string> OpenTo(JsonObject state);

    /// <summary>The after-state in one sentence, for the plan.</summary>
    string ExpectedAfter(PlannedAction action);

    /// <summary>Shuts out everyone <see cref="OpenTo"/> lists now; each call sent is reported through the context.</summary>
    Task CloseAsync(ContainmentContext context, PlannedAction action, JsonObject state, CancellationToken ct);

    /// <summary>Lets back in exactly whom the before-state let in and the current state does not.</summary>
    Task ReopenAsync(ContainmentContext context, PlannedAction action, JsonObject before, JsonObject state, CancellationToken ct);
}
