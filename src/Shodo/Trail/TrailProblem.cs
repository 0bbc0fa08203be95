namespace Shodo.Trail;

/// <summary>
/// Something in a trail source that could not be read as CloudTrail wrote it: a truncated gzip, invalid
/// JSON, a file of another shape, a record missing fields or with an enormous one. Names the file and,
/// when it is about one record, the record's position in the file (0-based). The reading goes on.
/// </summary>
public sealed record TrailProblem(string File, long? RecordIndex, string Kind, string Message)
{
    public override string ToString() =>
        RecordIndex is { } index ? $"{File} record {index}: {Message}" : $"{File}: {Message}";
}

/// <summary>The kinds of <see cref="TrailProblem"/>, stable strings for reports and coverage.</summary>
public static class TrailProblemKinds
{
    /// <summary>The file could not be opened or decompressed (truncated gzip, access denied, ...).</summary>
    public const string Unreadable = "unreadable";
    /// <summary>AWS throttled, failed on its side or did not answer when the file was opened: reading again later can read it.</summary>
    public const string Unavailable = "unavailable";
    public const string InvalidJson = "invalid-json";
    /// <summary>Valid JSON, but not a trail log file (no Records array, not records).</summary>
    public const string WrongShape = "wrong-shape";
    /// <summary>One record could not be used (not an object, no time, no event name); it was skipped.</summary>
    public const string BadRecord = "bad-record";
    /// <summary>One record is larger than the reader keeps; it was skipped.</summary>
    public const string RecordTooLarge = "record-too-large";
    /// <summary>
    /// One record's text is not valid UTF-8, or holds an escaped surrogate that is not paired: no .NET string
    /// can hold it and CloudTrail never writes it. The record was skipped; the rest of the file was read.
    /// </summary>
    public const string InvalidText = "invalid-text";
    /// <summary>The file is larger than the reader reads once decompressed (a gzip bomb?); the rest was not read.</summary>
    public const string FileTooLarge = "file-too-large";
    /// <summary>A symbolic link in a local archive leads out of it; what it leads to was not read.</summary>
    public const string LinkNotFollowed = "link-not-followed";
    /// <summary>A field was kept but shortened or ignored (wrong type, enormous); the record was used.</summary>
    public const string FieldIgnored = "field-ignored";
    /// <summary>A digest file says a log file should exist, but it does not.</summary>
    public const string LogFileMissing = "log-file-missing";
    /// <summary>A log file's SHA-256 differs from the one its digest file recorded.</summary>
    public const string LogFileAltered = "log-file-altered";
    /// <summary>A digest file's signature does not verify, or the chain of digests is broken.</summary>
    public const string DigestInvalid = "digest-invalid";
}

/// <summary>Where readers report problems. Must be safe to call from several files' readers at once.</summary>
public interface ITrailProblemSink
{
    void Report(TrailProblem problem);
}

/// <summary>A sink that keeps every problem, in the order reported.</summary>
public sealed class TrailProblemList : ITrailProblemSink
{
    private readonly List<TrailProblem> _problems = [];
    private readonly Lock _gate = new();

    public void Report(TrailProblem problem)
    {
        lock (_gate) _problems.Add(problem);
    }

    public IReadOnlyList<TrailProblem> Snapshot()
    {
        lock (_gate) return _problems.ToList();
    }
}
