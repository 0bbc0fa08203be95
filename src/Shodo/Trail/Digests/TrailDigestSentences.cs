using System.Globalization;
using Shodo.Localization;

namespace Shodo.Trail.Digests;

/// <summary>
/// What a digest check found, as sentences in a language — the report's evidence section and hunt's summary say
/// the same: one summary ("digests verified: N of M", "no digests", "could not be checked because …") and one
/// sentence per log file altered or missing after delivery, digest that does not verify and break in the chain.
/// File names in them are attacker-chosen text: whoever writes a sentence escapes it for its medium.
/// </summary>
public static class TrailDigestSentences
{
    public static string Summary(TrailDigestOutcome o, CultureInfo culture)
    {
        if (o.Report is not { } r)
            return o.NotChecked is { } why
                ? Messages.In(culture, "TrailDigestsNotChecked", o.Location, why)
                : Messages.In(culture, "TrailDigestsNone", o.Location);
        var text = Messages.In(culture, "TrailDigestsVerified", o.Location, r.DigestsVerified, r.Digests, r.LogFilesVerified, r.LogFilesRead);
        if (o.NotChecked is { } partly) text += " " + Messages.In(culture, "TrailDigestsPartlyListed", partly);
        if (o.KeysProblem is { } keys) text += " " + Messages.In(culture, "TrailDigestsKeysProblem", keys);
        if (r.UnverifiableDigests.Count > 0)
            text += " " + Messages.In(culture, "TrailDigestsUnverifiable", r.UnverifiableDigests.Count, string.Join("; ", r.UnverifiableReasons));
        return text;
    }

    /// <summary>Each altered or missing log file, then each digest that does not verify and each break in the chain.</summary>
    public static IEnumerable<string> Findings(TrailDigestOutcome o, CultureInfo culture)
    {
        if (o.Report is not { } r) yield break;
        foreach (var f in r.LogFileFindings)
            yield return Messages.In(culture, f.Kind == TrailProblemKinds.LogFileMissing ? "TrailLogFileMissing" : "TrailLogFileAltered", f.File, f.Digest);
        foreach (var digest in r.InvalidDigests) yield return Messages.In(culture, "TrailDigestInvalid", digest);
        foreach (var chainBreak in r.ChainBreaks) yield return Messages.In(culture, "TrailDigestChainBreak", chainBreak);
    }
}
