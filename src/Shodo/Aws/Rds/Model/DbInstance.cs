using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Rds.Model;

/// <summary>A database instance (botocore <c>DBInstance</c>): what an attacker could snapshot or expose.</summary>
public sealed record DbInstance(
    string DBInstanceIdentifier, string? DBInstanceArn, string? Engine, string? DBInstanceStatus,
    bool PubliclyAccessible, bool StorageEncrypted, DateTimeOffset? InstanceCreateTime, string? Endpoint)
{
    public static DbInstance From(XElement e) => new(
        e.Required("DBInstanceIdentifier"), e.Text("DBInstanceArn"), e.Text("Engine"), e.Text("DBInstanceStatus"),
        e.Bool("PubliclyAccessible"), e.Bool("StorageEncrypted"), e.Date("InstanceCreateTime"),
        e.Child("Endpoint")?.Text("Address"));
}

/// <summary>A DB snapshot (botocore <c>DBSnapshot</c>).</summary>
public sealed record DbSnapshot(
    string DBSnapshotIdentifier, string? DBSnapshotArn, string? DBInstanceIdentifier, string? SnapshotType,
    string? Status, bool Encrypted, DateTimeOffset? SnapshotCreateTime)
{
    public static DbSnapshot From(XElement e) => new(
        e.Required("DBSnapshotIdentifier"), e.Text("DBSnapshotArn"), e.Text("DBInstanceIdentifier"), e.Text("SnapshotType"),
        e.Text("Status"), e.Bool("Encrypted"), e.Date("SnapshotCreateTime"));
}

/// <summary>
/// Who may restore a manual snapshot: the <c>restore</c> attribute lists account ids, or "all"
/// when public — a snapshot shared with an outside account is data that left.
/// </summary>
public sealed record DbSnapshotAttributes(string DBSnapshotIdentifier, IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes)
{
    public static DbSnapshotAttributes From(XElement result)
    {
        var r = result.Child("DBSnapshotAttributesResult") ?? new XElement("DBSnapshotAttributesResult");
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var a in r.Items("DBSnapshotAttributes", "DBSnapshotAttribute"))
            attributes[a.Required("AttributeName")] = a.Strings("AttributeValues", "AttributeValue");
        return new(r.Required("DBSnapshotIdentifier"), attributes);
    }

    public IReadOnlyList<string> RestorableBy => Attributes.GetValueOrDefault("restore") ?? [];
}
