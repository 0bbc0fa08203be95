using Shodo.Range.State.Rds;

namespace Shodo.Range.State;

/// <summary>RDS: DB instances and snapshots, per region.</summary>
public sealed partial class RangeState
{
    private readonly Dictionary<string, RdsRegion> _rds = new(StringComparer.Ordinal);

    /// <summary>The regions that hold RDS resources (callers lock <see cref="Sync"/>).</summary>
    public IReadOnlyDictionary<string, RdsRegion> RdsRegions => _rds;

    /// <summary>The RDS resources of a region (created empty on first use).</summary>
    public RdsRegion Rds(string region)
    {
        lock (Sync)
        {
            if (!_rds.TryGetValue(region, out var r)) _rds[region] = r = new RdsRegion();
            return r;
        }
    }

    /// <summary>Creates a DB instance as a scenario needs it (no CloudTrail event); with <paramref name="kmsKeyId"/> (a key ARN) its storage is encrypted.</summary>
    public DbInstance CreateDbInstance(string region, string identifier, string engine = "postgres",
        string instanceClass = "db.t3.micro", DateTimeOffset? at = null, string? dbName = null, string? kmsKeyId = null)
    {
        lock (Sync)
        {
            var instance = new DbInstance
            {
                Identifier = identifier, Region = region, AccountId = AccountId, Partition = Partition, Engine = engine,
                EngineVersion = engine.StartsWith("mysql", StringComparison.Ordinal) ? "8.0.39" : "16.3",
                Port = engine.StartsWith("mysql", StringComparison.Ordinal) ? 3306 : 5432,
                MasterUsername = engine.StartsWith("mysql", StringComparison.Ordinal) ? "admin" : "postgres",
                InstanceClass = instanceClass, CreatedAt = at ?? Clock.Now, DbName = dbName,
                StorageEncrypted = kmsKeyId is not null, KmsKeyId = kmsKeyId,
            };
            Rds(region).Instances[identifier] = instance;
            return instance;
        }
    }

    /// <summary>
    /// Snapshots an existing instance (no CloudTrail event). Throws
    /// <see cref="InvalidOperationException"/> when the instance is unknown (the API validates first).
    /// </summary>
    public DbSnapshot CreateDbSnapshot(string region, string snapshotIdentifier, string instanceIdentifier,
        string snapshotType = "manual", DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            var rds = Rds(region);
            if (!rds.Instances.TryGetValue(instanceIdentifier, out var instance))
                throw new InvalidOperationException($"No DB instance {instanceIdentifier} in {region}");
            var snapshot = new DbSnapshot
            {
                Identifier = snapshotIdentifier, InstanceIdentifier = instance.Identifier, Region = region,
                AccountId = AccountId, Partition = Partition, CreatedAt = at ?? Clock.Now, SnapshotType = snapshotType,
                Engine = instance.Engine, EngineVersion = instance.EngineVersion,
                AllocatedStorage = instance.AllocatedStorage, Port = instance.Port,
                MasterUsername = instance.MasterUsername, Encrypted = instance.StorageEncrypted,
                KmsKeyId = instance.StorageEncrypted ? instance.KmsKeyId : null,
                InstanceCreatedAt = instance.CreatedAt, InstanceResourceId = instance.ResourceId,
            };
            rds.Snapshots[snapshotIdentifier] = snapshot;
            return snapshot;
        }
    }

    /// <summary>Creates an Aurora DB cluster as a scenario needs it (no CloudTrail event).</summary>
    public DbCluster CreateDbCluster(string region, string identifier, string engine = "aurora-postgresql", DateTimeOffset? at = null,
        string? databaseName = null, string? kmsKeyId = null)
    {
        lock (Sync)
        {
            var mysql = engine.Contains("mysql", StringComparison.Ordinal);
            var cluster = new DbCluster
            {
                Identifier = identifier, Region = region, AccountId = AccountId, Partition = Partition, Engine = engine,
                EngineVersion = mysql ? "8.0.mysql_aurora.3.07.1" : "16.4", Port = mysql ? 3306 : 5432,
                MasterUsername = mysql ? "admin" : "postgres", CreatedAt = at ?? Clock.Now, DatabaseName = databaseName,
                KmsKeyId = kmsKeyId,
            };
            Rds(region).Clusters[identifier] = cluster;
            return cluster;
        }
    }

    /// <summary>Snapshots an existing cluster (no CloudTrail event); <see cref="InvalidOperationException"/> when it is unknown.</summary>
    public DbClusterSnapshot CreateDbClusterSnapshot(string region, string snapshotIdentifier, string clusterIdentifier,
        string snapshotType = "manual", DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            var rds = Rds(region);
            if (!rds.Clusters.TryGetValue(clusterIdentifier, out var cluster))
                throw new InvalidOperationException($"No DB cluster {clusterIdentifier} in {region}");
            var snapshot = new DbClusterSnapshot
            {
                Identifier = snapshotIdentifier, ClusterIdentifier = cluster.Identifier, Region = region, AccountId = AccountId, Partition = Partition,
                CreatedAt = at ?? Clock.Now, SnapshotType = snapshotType, Engine = cluster.Engine, EngineVersion = cluster.EngineVersion,
                Port = cluster.Port, MasterUsername = cluster.MasterUsername, StorageEncrypted = cluster.StorageEncrypted,
                KmsKeyId = cluster.StorageEncrypted ? cluster.KmsKeyId : null, ClusterCreatedAt = cluster.CreatedAt,
            };
            rds.ClusterSnapshots[snapshotIdentifier] = snapshot;
            return snapshot;
        }
    }

    /// <summary>Every region's RDS resources, for the state file.</summary>
    public List<RdsRegionData> SaveRds() => _rds.OrderBy(r => r.Key, StringComparer.Ordinal)
        .Select(r => new RdsRegionData(r.Key, [.. r.Value.Instances.Values],
            [.. r.Value.Snapshots.Values], [.. r.Value.Clusters.Values], [.. r.Value.ClusterSnapshots.Values]))
        .ToList();

    /// <summary>Replaces the account's RDS resources with saved ones.</summary>
    public void LoadRds(IEnumerable<RdsRegionData> regions)
    {
        _rds.Clear();
        foreach (var data in regions)
        {
            var region = Rds(data.Region);
            foreach (var instance in data.Instances) region.Instances[instance.Identifier] = instance;
            foreach (var snapshot in data.Snapshots) region.Snapshots[snapshot.Identifier] = snapshot;
            foreach (var cluster in data.Clusters ?? []) region.Clusters[cluster.Identifier] = cluster;
            foreach (var snapshot in data.ClusterSnapshots ?? []) region.ClusterSnapshots[snapshot.Identifier] = snapshot;
        }
    }
}
