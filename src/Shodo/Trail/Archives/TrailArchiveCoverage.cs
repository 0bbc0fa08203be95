namespace Shodo.Trail.Archives;

/// <summary>
/// What an archive read covered: log files read whole, files that could not be read (or only in part;
/// named, for coverage.json), digests and other files not read as logs, and records delivered.
/// </summary>
public sealed record TrailArchiveCoverage(
    string Location, int LogFiles, long Records, long Bytes, IReadOnlyList<string> UnreadableFiles,
    int DigestFiles, int OtherFiles, int FilesOutsideWindow);

/// <summary>Progress while reading: files done of the files listed so far, records so far.</summary>
public sealed record TrailArchiveProgress(int FilesDone, int FilesListed, long Records, long Bytes);
