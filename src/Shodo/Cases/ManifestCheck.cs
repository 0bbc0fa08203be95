using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Checks that <c>case.json</c> is exactly what the journal's first entry (<c>case.opened</c>)
/// recorded: the canonical encoding of that entry's data followed by <c>\n</c>.
/// </summary>
internal static class ManifestCheck
{
    private const string File = CaseFileNames.Manifest;

    public static CaseFinding? Run(string caseDirectory, JournalChain chain)
    {
        var path = Path.Combine(caseDirectory, File);
        if (!System.IO.File.Exists(path)) return new(File, null, Messages.Get("CaseVerifyMissingFile", File));
        if (chain.Entries.Count == 0) // a broken first line has its own finding; an empty journal gets this one
            return chain.Finding is null ? new(CaseFileNames.Journal, null, Messages.Get("CaseVerifyFirstEntry", CaseFileNames.Journal)) : null;
        var (line, first) = chain.Entries[0];
        if ((string?)first["kind"] != JournalKinds.CaseOpened)
            return new(CaseFileNames.Journal, line, Messages.Get("CaseVerifyFirstEntry", CaseFileNames.Journal));
        var expected = ExpectedBytes(first["data"]!.AsObject());
        return PrivateFiles.ReadShared(path).AsSpan().SequenceEqual(expected)
            ? null
            : new(File, null, Messages.Get("CaseVerifyManifestMismatch", File));
    }

    /// <summary>The bytes of case.json for a manifest.</summary>
    public static byte[] ExpectedBytes(JsonObject manifest) => [.. CanonicalJson.Encode(manifest), (byte)'\n'];
}
