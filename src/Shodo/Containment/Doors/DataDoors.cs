namespace Shodo.Containment.Doors;

/// <summary>Every kind of data door Shodo closes, one line each.</summary>
public static class DataDoors
{
    public static IReadOnlyList<IDataDoor> All { get; } =
    [
        new DbSnapshotShare(),
        new EbsSnapshotShare(),
        new OpenedBucket(),
        new DbSnapshotShare(cluster: true),
        new ImageLaunchPermission(),
        new KmsKeyPolicyDoor(),
        new AccountPublicAccessBlockDoor(),
    ];

    public static IDataDoor? For(string targetKind) => All.FirstOrDefault(d => d.Kind == targetKind);

    public static IDataDoor Get(string targetKind) =>
        For(targetKind) ?? throw new InvalidOperationException($"No data door for target kind '{targetKind}'.");
}
