using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.State.Rds;

namespace Shodo.Range.Services.Rds;

/// <summary>DB instances, snapshots and snapshot attributes in RDS's XML shapes (unqualified names).</summary>
internal static class RdsXml
{
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    public static XElement Instance(DbInstance i) => new("DBInstance",
        new XElement("DBInstanceIdentifier", i.Identifier),
        new XElement("DBInstanceClass", i.InstanceClass),
        new XElement("Engine", i.Engine),
        new XElement("DBInstanceStatus", i.Status),
        new XElement("MasterUsername", i.MasterUsername),
        i.DbName is null ? null : new XElement("DBName", i.DbName),
        new XElement("Endpoint",
            new XElement("Address", i.EndpointAddress),
            new XElement("Port", i.Port),
            new XElement("HostedZoneId", "Z2R2ITUGPM61AM")),
        new XElement("AllocatedStorage", i.AllocatedStorage),
        new XElement("InstanceCreateTime", Time(i.CreatedAt)),
        new XElement("PreferredBackupWindow", "03:00-03:30"),
        new XElement("BackupRetentionPeriod", 7),
        new XElement("DBSecurityGroups"),
        new XElement("VpcSecurityGroups"),
        new XElement("AvailabilityZone", i.AvailabilityZone),
        new XElement("PreferredMaintenanceWindow", "sun:05:00-sun:05:30"),
        new XElement("MultiAZ", "false"),
        new XElement("EngineVersion", i.EngineVersion),
        new XElement("AutoMinorVersionUpgrade", "true"),
        new XElement("LicenseModel", i.Engine.StartsWith("postgres", StringComparison.Ordinal) ? "postgresql-license" : "general-public-license"),
        new XElement("PubliclyAccessible", Bool(i.PubliclyAccessible)),
        new XElement("StorageType", "gp3"),
        new XElement("DbInstancePort", 0),
        new XElement("StorageEncrypted", Bool(i.StorageEncrypted)),
        i.KmsKeyId is { } instanceKey ? new XElement("KmsKeyId", instanceKey) : null,
        new XElement("DbiResourceId", i.ResourceId),
        new XElement("DBInstanceArn", i.Arn),
        new XElement("IAMDatabaseAuthenticationEnabled", "false"),
        new XElement("DeletionProtection", Bool(i.DeletionProtection)),
        Tags(i.Tags));

    public static XElement Snapshot(DbSnapshot s, DateTimeOffset now) => new("DBSnapshot",
        new XElement("DBSnapshotIdentifier", s.Identifier),
        new XElement("DBInstanceIdentifier", s.InstanceIdentifier),
        new XElement("SnapshotCreateTime", Time(s.CreatedAt)),
        new XElement("Engine", s.Engine),
        new XElement("AllocatedStorage", s.AllocatedStorage),
        new XElement("Status", s.StatusAt(now)),
        new XElement("Port", s.Port),
        new XElement("AvailabilityZone", s.AvailabilityZone),
        new XElement("InstanceCreateTime", Time(s.InstanceCreatedAt)),
        new XElement("MasterUsername", s.MasterUsername),
        new XElement("EngineVersion", s.EngineVersion),
        new XElement("LicenseModel", s.Engine.StartsWith("postgres", StringComparison.Ordinal) ? "postgresql-license" : "general-public-license"),
        new XElement("SnapshotType", s.SnapshotType),
        new XElement("PercentProgress", s.PercentProgressAt(now)),
        new XElement("StorageType", "gp3"),
        new XElement("Encrypted", Bool(s.Encrypted)),
        s.KmsKeyId is { } snapshotKey ? new XElement("KmsKeyId", snapshotKey) : null,
        new XElement("DBSnapshotArn", s.Arn),
        new XElement("IAMDatabaseAuthenticationEnabled", "false"),
        new XElement("DbiResourceId", s.InstanceResourceId),
        Tags(s.Tags),
        new XElement("OriginalSnapshotCreateTime", Time(s.CreatedAt)),
        new XElement("SnapshotTarget", "region"));

    public static XElement Attributes(DbSnapshot s) => new("DBSnapshotAttributesResult",
        new XElement("DBSnapshotIdentifier", s.Identifier),
        new XElement("DBSnapshotAttributes",
            new XElement("DBSnapshotAttribute",
                new XElement("AttributeName", "restore"),
                new XElement("AttributeValues", s.RestoreAccounts.Select(a => new XElement("AttributeValue", a))))));

    private static XElement Tags(Dictionary<string, string> tags) => new("TagList",
        tags.Select(t => new XElement("Tag", new XElement("Key", t.Key), new XElement("Value", t.Value))));
}
