namespace Shodo.Containment.Actions;

/// <summary>Every containment action, one line each. Adding an action: one class plus one line here.</summary>
public static class ActionRegistry
{
    public static IReadOnlyList<ContainmentAction> All { get; } =
    [
        new AttachDenyPolicy(),
        new DeactivateAccessKeys(),
        new RequirePasswordReset(),
        new TagResource(),
        new SnapshotVolumes(),
        new ClearDisableApiStop(),
        new EnableTerminationProtection(),
        new StopInstance(),
        new IsolateInstance(),
        new CancelSpotRequest(),
        new CancelSpotFleet(),
        new SuspendAsgLaunch(),
        new CloseDataDoor(),
        new EscalateRootKey(),
        new DenyByScp(),
        new HoldSpotFleet(),
        new HoldEc2Fleet(),
        new RevokeKmsGrant(),
    ];

    public static ContainmentAction Get(string name) =>
        All.FirstOrDefault(a => a.Name == name) ?? throw new InvalidOperationException($"Unknown containment action '{name}'.");
}
