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
}
