using Shodo.Localization;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Evidence.Snapshot;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Impact;

/// <summary>
/// For each bucket, RDS snapshot and database: could the attacker reach it, did events show they did
/// (which objects, how many bytes), and — plainly — when that cannot be known: S3 data events not
/// logged for the bucket, their log files not read, logging stopped during the incident, or the
/// incident older than the sources. Personal data first.
/// </summary>
public sealed class DataExposureAssessor(AccountSnapshot state, ChainResult chain, SourceReach reach,
    IReadOnlyList<AttackerResource>? resources = null)
{
    /// <summary>The outside accounts the attacker shared data with (its resources' <c>sharedWith</c>): a bucket policy letting one in lets the attacker in.</summary>
    private readonly ReadAccess _access = new(state, chain, (resources ?? [])
        .SelectMany(r => (r.Attributes["sharedWith"] as System.Text.Json.Nodes.JsonArray)?.Select(v => (string?)v) ?? []).OfType<string>()
        .Distinct(StringComparer.Ordinal).ToList());

    private static readonly HashSet<string> ObjectReads = ["GetObject", "SelectObjectContent", "GetObjectTorrent", "RestoreObject"];
    private static readonly HashSet<string> Listings = ["ListObjects", "ListObjectsV2", "ListObjectVersions"];

    public IReadOnlyList<DataExposure> Assess()
    {
        var exposures = state.Buckets.Select(Bucket).Concat(state.DbSnapshots.Select(Snapshot)).Concat(state.DbInstances.Select(Database))
            .Concat(new EbsSnapshotExposure(state, resources ?? []).Assess())
            .Concat(new ResourceShareExposure(state, resources ?? []).Assess())
            .Concat(new ImageExposure(state, resources ?? []).Assess())
            .Concat(new EbsVolumeExposure(state, chain, _access).Assess());
        return exposures.OrderByDescending(e => e.PersonalData).ThenBy(e => e.Accessed == AccessVerdict.Accessed ? 0 : e.Accessed == AccessVerdict.Unknown ? 1 : 2)
            .ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    private DataExposure Bucket(BucketFact bucket)
    {
        var events = chain.AttackerEvents.Where(e => e.EventSource == "s3.amazonaws.com"
                                                     && TrailRecordJson.Path(e.Raw, "requestParameters", "bucketName") == bucket.Name).ToList();
        var reads = events.Where(e => !e.Failed && ObjectReads.Contains(e.EventName)).ToList();
        var listed = events.Where(e => !e.Failed && Listings.Contains(e.EventName)).ToList();
        var personal = PersonalData.IsMarked(bucket.Name, bucket.Tags);
        var access = _access.S3(bucket.Name);
        var reachable = reads.Count > 0 || listed.Count > 0 ? true : access.Reachable;
        var objects = reads.Select(e => new ObjectAccess(TrailRecordJson.Path(e.Raw, "requestParameters", "key") ?? "", e.EventName, e.EventTime,
            long.TryParse(TrailRecordJson.Path(e.Raw, "additionalEventData", "bytesTransferredOut"), out var b) ? b : null, e.EventId)).ToList();
        var unknowable = Unknowable(bucket.Name);
        AccessVerdict verdict;
        IReadOnlyDictionary<string, string> explanation;
        if (reads.Count > 0)
        {
            verdict = AccessVerdict.Accessed;
            explanation = LocalText.Of("ExposureObjectsRead", objects.Select(o => o.Key).Distinct().Count());
        }
        else if (listed.Count > 0)
        {
            verdict = AccessVerdict.Accessed;
            explanation = LocalText.Of("ExposureListed");
        }
        else if (unknowable.Count > 0)
        {
            verdict = AccessVerdict.Unknown;
            explanation = LocalText.Compose(c => Messages.In(c, "ExposureUnknown",
                string.Join(Messages.In(c, "ExposureWhySeparator"), unknowable.Select(u => Describe(c, u)))));
        }
        else
        {
            verdict = AccessVerdict.NotAccessed;
            explanation = LocalText.Of("ExposureNotAccessed");
        }
        return new DataExposure
        {
            Kind = "s3-bucket", Name = bucket.Name, Region = bucket.Region, PersonalData = personal, Reachable = reachable,
            ReachableThrough = access.Through, ReachUnknown = reachable is null ? access.Unknown.Select(g => g.English).ToList() : [],
            ReachUnknownTexts = reachable is null ? access.Unknown.Select(g => g.Texts).ToList() : [],
            ReachBlockedBy = access.Blocked.Select(LocalText.English).ToList(), ReachBlockedByTexts = access.Blocked,
            Accessed = verdict, Explanation = LocalText.English(explanation), Explanations = explanation, Objects = objects,
            BytesRead = objects.Any(o => o.Bytes is not null) ? objects.Sum(o => o.Bytes ?? 0) : null,
            Unknowable = verdict == AccessVerdict.Accessed ? [] : unknowable,
            EventIds = events.Select(e => e.EventId).ToList(),
        };
    }

    private List<string> Unknowable(string bucket)
    {
        var reasons = new List<string>();
        var logging = state.Trails.Where(t => t.AllS3DataEvents || t.DataEventBuckets.Contains(bucket)).ToList();
        if (logging.Count == 0) reasons.Add("data-events-not-logged");
        else if (!logging.Any(t => t.Bucket is { } b && reach.LogBucketsRead.Contains(b))) reasons.Add("data-events-not-read");
        var start = chain.CompromiseStart;
        if (logging.Count > 0 && logging.All(t => t.IsLogging == false || t.StoppedAt is { } s && start is { } c && s >= c))
            reasons.Add("logging-stopped");
        if (chain.AttackerEvents.Any(e => e.EventName == "StopLogging" && !e.Failed) && !reasons.Contains("logging-stopped"))
            reasons.Add("logging-stopped");
        if (start is { } first && reach.Earliest is { } earliest && first <= earliest) reasons.Add("before-sources");
        return reasons;
    }

    private static string Describe(System.Globalization.CultureInfo culture, string reason) => reason switch
    {
        "data-events-not-logged" => Messages.In(culture, "ExposureWhyDataEventsNotLogged"),
        "data-events-not-read" => Messages.In(culture, "ExposureWhyDataEventsNotRead"),
        "logging-stopped" => Messages.In(culture, "ExposureWhyLoggingStopped"),
        "before-sources" => Messages.In(culture, "ExposureWhyBeforeSources"),
        _ => reason,
    };

    private DataExposure Snapshot(DbSnapshotFact snapshot)
    {
        // A cluster (Aurora) snapshot is shared the same way, by its own call and parameter.
        var (eventName, parameter) = snapshot.Cluster
            ? ("ModifyDBClusterSnapshotAttribute", "dBClusterSnapshotIdentifier")
            : ("ModifyDBSnapshotAttribute", "dBSnapshotIdentifier");
        var events = chain.AttackerEvents.Where(e => e.EventName == eventName && !e.Failed
                                                     && TrailRecordJson.Path(e.Raw, "requestParameters", parameter) == snapshot.SnapshotId).ToList();
        var outside = snapshot.RestoreAccounts.ToList();
        var byAttacker = events.Count > 0;
        var explanation = byAttacker
            ? LocalText.Of("ExposureSnapshotShared", string.Join(", ", TrailRecordJson.All(events[0].Raw, "valuesToAdd").DefaultIfEmpty(string.Join(", ", outside))))
            : outside.Count > 0 ? LocalText.Of("ExposureSnapshotSharedBefore", string.Join(", ", outside))
            : LocalText.Of("ExposureSnapshotNotShared");
        var reach = byAttacker
            ? SharedSnapshotReach(snapshot, outside.Concat(events.SelectMany(e => TrailRecordJson.All(e.Raw, "valuesToAdd"))).Distinct().ToList())
            : null;
        return new DataExposure
        {
            Kind = snapshot.Cluster ? "rds-cluster-snapshot" : "rds-snapshot", Name = snapshot.SnapshotId, Region = snapshot.Region,
            PersonalData = PersonalData.IsMarked(snapshot.SnapshotId, new Dictionary<string, string>()),
            Reachable = reach?.Reachable, ReachableThrough = reach?.Through ?? [],
            ReachUnknown = reach is { Reachable: null } ? reach.Unknown.Select(g => g.English).ToList() : [],
            ReachUnknownTexts = reach is { Reachable: null } ? reach.Unknown.Select(g => g.Texts).ToList() : [],
            Accessed = byAttacker ? AccessVerdict.Accessed : outside.Count > 0 ? AccessVerdict.Unknown : AccessVerdict.NotAccessed,
            Explanation = LocalText.English(explanation), Explanations = explanation,
            SharedWith = outside, EventIds = events.Select(e => e.EventId).ToList(),
            Unknowable = !byAttacker && outside.Count > 0 ? ["shared-before-sources"] : [],
        };
    }

    /// <summary>
    /// A DB or DB cluster (Aurora) snapshot the attacker shared: a copy can be restored there unless it is encrypted with a KMS
    /// key the outside accounts may not use (<see cref="KeyUse"/>).
    /// </summary>
    private ReadReach SharedSnapshotReach(DbSnapshotFact snapshot, IReadOnlyList<string> outside)
    {
        if (snapshot.Encrypted == false)
            return ReadReach.Yes([$"{(snapshot.Cluster ? "DB cluster snapshot" : "DB snapshot")} {snapshot.SnapshotId} shared unencrypted"]);
        if (snapshot.Encrypted is null) return new ReadReach(null, [], [ReachGap.Of("ReachDbSnapshotNotDescribed", snapshot.SnapshotId)]);
        return _keys.ByOutside(snapshot.Region, snapshot.KmsKeyId, outside.Where(a => a != "all").ToList());
    }

    private readonly KeyUse _keys = new(state);

    private static readonly IReadOnlyDictionary<string, string> DatabaseQueries = LocalText.Of("ExposureDatabaseQueries");

    private DataExposure Database(DbInstanceFact db) => new()
    {
        Kind = "rds-instance", Name = db.DbInstanceId, Region = db.Region, PersonalData = PersonalData.IsMarked(db.DbInstanceId, db.Tags),
        Accessed = AccessVerdict.Unknown, Unknowable = ["database-queries-not-logged"],
        Explanation = LocalText.English(DatabaseQueries), Explanations = DatabaseQueries,
    };
}
