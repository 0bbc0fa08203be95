using Shodo.Aws.Errors;
using Shodo.Trail;
using Shodo.Trail.Records;
using Shodo.Trail.Archives;

namespace Shodo.Investigation.Sources.LogFiles;

/// <summary>
/// Trail log files of one archive (a folder or an S3 prefix) through the trail module's streaming
/// <see cref="TrailArchiveReader"/>: records within the window; every problem that cost a file or a record
/// (unreadable, invalid JSON, wrong shape, bad or oversized record) becomes a gap. With
/// a <see cref="TrailFilesSeen"/>, each file is hashed as it is read, for the digest check.
/// </summary>
public static class ArchiveLogSource
{
    public static async Task<SourceResult> ReadAsync(ITrailLogStore store, TrailWindow window, CancellationToken ct, TrailFilesSeen? seen = null,
        int? filesInFlight = null)
    {
        var problems = new TrailProblemList();
        var options = new TrailArchiveOptions
        {
            Since = window.Since, Until = window.Until?.AddTicks(1), Seen = seen,
        };
        if (filesInFlight is { } n) options = options with { FilesInFlight = n };
        var reader = new TrailArchiveReader(store, problems, options);
        var records = new List<TrailRecord>();
        var gaps = new List<SourceGap>();
        try
        {
            await foreach (var record in reader.ReadAsync(null, ct)) records.Add(record);
        }
        catch (AwsServiceError e)
        {
            gaps.Add(new SourceGap(store.Location, null, e.IsThrottling ? "Throttled" : "Failed", e.Code, e.AwsMessage));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
        {
            gaps.Add(new SourceGap(store.Location, null, "Unreadable", null, e.Message));
        }
        gaps.AddRange(problems.Snapshot().Where(p => p.Kind != TrailProblemKinds.FieldIgnored).Select(SourceGap.From));
        return new SourceResult(records, gaps);
    }
}
