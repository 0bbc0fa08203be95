namespace Shodo.Aws.Ram;

/// <summary>
/// The AWS RAM operations Shodo sends (botocore ram/2018-01-04, REST-JSON): reading what the account shares with whom.
/// Shodo never disassociates a share (src/Shodo/Containment/README.md, "Sharing through AWS RAM").
/// </summary>
public static class RamOperations
{
    private static AwsOperation Op(string name) => AwsOperation.Of("ram", name);

    public static AwsOperation GetResourceShares { get; } = Op("GetResourceShares");
    public static AwsOperation GetResourceShareAssociations { get; } = Op("GetResourceShareAssociations");
}
