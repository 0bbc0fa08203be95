namespace Shodo.Trail.Digests;

/// <summary>
/// What digest validation established: digests whose signature verified, log files whose hash matched,
/// log files the digests name that are missing or altered, digests that failed or could not be checked,
/// and breaks in the chain of digests. Each problem is also reported to the problem sink.
/// </summary>
public sealed record TrailDigestReport(
    int Digests, int DigestsVerified, int LogFilesVerified,
    IReadOnlyList<string> MissingLogFiles, IReadOnlyList<string> AlteredLogFiles,
    IReadOnlyList<string> InvalidDigests, IReadOnlyList<string> UnverifiableDigests, IReadOnlyList<string> ChainBreaks)
{
    /// <summary>True when nothing was found missing, altered or invalid (some digests may be unverifiable).</summary>
    public bool Intact => MissingLogFiles.Count == 0 && AlteredLogFiles.Count == 0 && InvalidDigests.Count == 0 && ChainBreaks.Count == 0;

    /// <summary>Log files read whole (and hashed) by the reads the check covers; those no digest names are not checked.</summary>
    public int LogFilesRead { get; init; }

    /// <summary>Log files a digest names that were listed but not read whole, or whose absence could not be confirmed.</summary>
    public int LogFilesNotChecked { get; init; }

    /// <summary>Why the <see cref="UnverifiableDigests"/> could not be verified, each reason once.</summary>
    public IReadOnlyList<string> UnverifiableReasons { get; init; } = [];

    /// <summary>Each altered or missing log file, named as the responder can find it, with the digest that names it.</summary>
    public IReadOnlyList<TrailLogFileFinding> LogFileFindings { get; init; } = [];
}

/// <summary>
/// A log file changed or removed after CloudTrail delivered it: <see cref="File"/> (attacker-chosen text in the
/// end: escape it), <see cref="Kind"/> <see cref="TrailProblemKinds.LogFileAltered"/> or
/// <see cref="TrailProblemKinds.LogFileMissing"/>, and the digest file that names it.
/// </summary>
public sealed record TrailLogFileFinding(string File, string Kind, string Digest);
