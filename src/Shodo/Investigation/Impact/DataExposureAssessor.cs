using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Records;
using Shodo.Investigation.State;

namespace Shodo.Investigation.Impact;

/// <summary>
/// For each bucket, RDS snapshot and database: could the attacker reach it, did events show they did
/// (which objects, how many bytes), and — plainly — when that cannot be known: S3 data events not
/// logged for the bucket, their log files not read, logging stopped during the incident, or the
/// incident older than the sources. Personal data first.
/// </summary>
public sealed class DataExposureAssessor(AccountState state, ChainResult chain, SourceReach reach)
{
    private static readonly HashSet<string> ObjectReads = ["GetObject", "SelectObjectContent", "GetObjectTorrent", "RestoreObject"];
    private static readonly HashSet<string> Listings = ["ListObjects", "ListObjectsV2", "ListObjectVersions"];

    public IReadOnlyList<DataExposure> Assess()
    {
        var exposures = state.Buckets.Select(Bucket).Concat(state.DbSnapshots.Select(Snapshot)).Concat(state.DbInstances.Select(Database));
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
        var reachable = reads.Count > 0 || listed.Count > 0 ? true : ReadAccess.S3(state, chain);
        var objects = reads.Select(e => new ObjectAccess(TrailRecordJson.Path(e.Raw, "requestParameters", "key") ?? "", e.EventName, e.EventTime,
            long.TryParse(TrailRecordJson.Path(e.Raw, "additionalEventData", "bytesTransferredOut"), out var b) ? b : null, e.EventId)).ToList();
        var unknowable = Unknowable(bucket.Name);
        AccessVerdict verdict;
        string explanation;
        if (reads.Count > 0)
        {
            verdict = AccessVerdict.Accessed;
            explanation = $"The attacker read {objects.Select(o => o.Key).Distinct().Count()} object(s) from this bucket (S3 data events in the trail's log files).";
        }
        else if (listed.Count > 0)
        {
            verdict = AccessVerdict.Accessed;
            explanation = "The attacker listed this bucket's objects; no object reads are recorded.";
        }
        else if (unknowable.Count > 0)
        {
            verdict = AccessVerdict.Unknown;
            explanation = "Whether the attacker read this bucket cannot be determined: " + string.Join("; ", unknowable.Select(Describe)) + ".";
        }
        else
        {
            verdict = AccessVerdict.NotAccessed;
            explanation = "Object reads of this bucket are logged and none by the attacker's identities were found.";
        }
        return new DataExposure
        {
            Kind = "s3-bucket", Name = bucket.Name, Region = bucket.Region, PersonalData = personal, Reachable = reachable,
            Accessed = verdict, Explanation = explanation, Objects = objects,
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

    private static string Describe(string reason) => reason switch
    {
        "data-events-not-logged" => "no trail records S3 data events (object reads) for this bucket",
        "data-events-not-read" => "the trail log files that hold its data events were not read",
        "logging-stopped" => "CloudTrail logging was stopped during the incident",
        "before-sources" => "the attacker's activity may predate what the event sources reach",
        _ => reason,
    };

    private DataExposure Snapshot(DbSnapshotFact snapshot)
    {
        var events = chain.AttackerEvents.Where(e => e.EventName == "ModifyDBSnapshotAttribute" && !e.Failed
                                                     && TrailRecordJson.Path(e.Raw, "requestParameters", "dBSnapshotIdentifier") == snapshot.SnapshotId).ToList();
        var outside = snapshot.RestoreAccounts.ToList();
        var byAttacker = events.Count > 0;
        return new DataExposure
        {
            Kind = "rds-snapshot", Name = snapshot.SnapshotId, Region = snapshot.Region,
            PersonalData = PersonalData.IsMarked(snapshot.SnapshotId, new Dictionary<string, string>()),
            Reachable = byAttacker ? true : null,
            Accessed = byAttacker ? AccessVerdict.Accessed : outside.Count > 0 ? AccessVerdict.Unknown : AccessVerdict.NotAccessed,
            Explanation = byAttacker
                ? $"The attacker shared this database snapshot with outside account(s) {string.Join(", ", TrailRecordJson.All(events[0].Raw, "valuesToAdd").DefaultIfEmpty(string.Join(", ", outside)))}: a full copy of the database can be restored there."
                : outside.Count > 0 ? $"Shared with outside account(s) {string.Join(", ", outside)}; the sources do not show who shared it."
                : "Not shared outside the account, and no sharing by the attacker was recorded.",
            SharedWith = outside, EventIds = events.Select(e => e.EventId).ToList(),
            Unknowable = !byAttacker && outside.Count > 0 ? ["shared-before-sources"] : [],
        };
    }

    private DataExposure Database(DbInstanceFact db) => new()
    {
        Kind = "rds-instance", Name = db.DbInstanceId, Region = db.Region, PersonalData = PersonalData.IsMarked(db.DbInstanceId, db.Tags),
        Accessed = AccessVerdict.Unknown, Unknowable = ["database-queries-not-logged"],
        Explanation = "Queries inside the database are not recorded by CloudTrail; whether data was read through it cannot be determined from these sources.",
    };
}
