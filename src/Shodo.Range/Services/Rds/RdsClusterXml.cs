using System.Xml.Linq;
using Shodo.Range.State.Rds;

namespace Shodo.Range.Services.Rds;

/// <summary>Aurora DB clusters, cluster snapshots and their attributes in RDS's XML shapes (botocore DBCluster, DBClusterSnapshot).</summary>
internal static class RdsClusterXml
{
    private static string Bool(bool value) => value ? "true" : "false";

    private static XElement Zones(string region) =>
        new("AvailabilityZones", new[] { "a", "c", "d" }.Select(z => new XElement("AvailabilityZone", region + z)));

    public static XElement Cluster(DbCluster c) => new("DBCluster",
        new XElement("AllocatedStorage", 1),
        Zones(c.Region),
        new XElement("BackupRetentionPeriod", 7),
        c.DatabaseName is null ? null : new XElement("DatabaseName", c.DatabaseName),
        new XElement("DBClusterIdentifier", c.Identifier),
        new XElement("DBClusterParameterGroup", "default." + c.Engine + c.EngineVersion.Split('.')[0]),
        new XElement("DBSubnetGroup", "default"),
        new XElement("Status", c.Status),
        new XElement("Endpoint", c.Endpoint),
        new XElement("ReaderEndpoint", c.ReaderEndpoint),
        new XElement("MultiAZ", "false"),
        new XElement("Engine", c.Engine),
        new XElement("EngineVersion", c.EngineVersion),
        new XElement("Port", c.Port),
        new XElement("MasterUsername", c.MasterUsername),
        new XElement("PreferredBackupWindow", "03:00-03:30"),
        new XElement("PreferredMaintenanceWindow", "sun:05:00-sun:05:30"),
        new XElement("DBClusterMembers"),
        new XElement("VpcSecurityGroups"),
        new XElement("HostedZoneId", "Z2R2ITUGPM61AM"),
        new XElement("StorageEncrypted", Bool(c.StorageEncrypted)),
        c.KmsKeyId is { } clusterKey ? new XElement("KmsKeyId", clusterKey) : null,
        new XElement("DbClusterResourceId", c.ResourceId),
        new XElement("DBClusterArn", c.Arn),
        new XElement("IAMDatabaseAuthenticationEnabled", "false"),
        new XElement("ClusterCreateTime", RdsXml.Time(c.CreatedAt)),
        new XElement("EngineMode", "provisioned"),
        new XElement("DeletionProtection", Bool(c.DeletionProtection)),
        Tags(c.Tags));

    public static XElement Snapshot(DbClusterSnapshot s, DateTimeOffset now) => new("DBClusterSnapshot",
        Zones(s.Region),
        new XElement("DBClusterSnapshotIdentifier", s.Identifier),
        new XElement("DBClusterIdentifier", s.ClusterIdentifier),
        new XElement("SnapshotCreateTime", RdsXml.Time(s.CreatedAt)),
        new XElement("Engine", s.Engine),
        new XElement("EngineMode", "provisioned"),
        new XElement("AllocatedStorage", 0),
        new XElement("Status", s.StatusAt(now)),
        new XElement("Port", s.Port),
        new XElement("ClusterCreateTime", RdsXml.Time(s.ClusterCreatedAt)),
        new XElement("MasterUsername", s.MasterUsername),
        new XElement("EngineVersion", s.EngineVersion),
        new XElement("LicenseModel", s.Engine),
        new XElement("SnapshotType", s.SnapshotType),
        new XElement("PercentProgress", s.PercentProgressAt(now)),
        new XElement("StorageEncrypted", Bool(s.StorageEncrypted)),
        s.KmsKeyId is { } snapshotKey ? new XElement("KmsKeyId", snapshotKey) : null,
        new XElement("DBClusterSnapshotArn", s.Arn),
        new XElement("IAMDatabaseAuthenticationEnabled", "false"),
        Tags(s.Tags));

    public static XElement Attributes(DbClusterSnapshot s) => new("DBClusterSnapshotAttributesResult",
        new XElement("DBClusterSnapshotIdentifier", s.Identifier),
        new XElement("DBClusterSnapshotAttributes",
            new XElement("DBClusterSnapshotAttribute",
                new XElement("AttributeName", "restore"),
                new XElement("AttributeValues", s.RestoreAccounts.Select(a => new XElement("AttributeValue", a))))));

    private static XElement Tags(Dictionary<string, string> tags) => new("TagList",
        tags.Select(t => new XElement("Tag", new XElement("Key", t.Key), new XElement("Value", t.Value))));
}
