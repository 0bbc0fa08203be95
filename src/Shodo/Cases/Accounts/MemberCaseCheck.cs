using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases.Accounts;

/// <summary>
/// Verifies the sub-case of each other account a response entered (accounts/ID/CASE), anchored at the journal head the
/// parent's chain recorded when that account's response ended (account.responded): a member chain rewritten, or a
/// member file changed, is a finding of the parent case, on the line of the entry that anchors it (and again at each head a
/// look of the watch recorded, account.watched). A sub-case still
/// being written (a response in progress) verifies up to its anchor like any case.
/// </summary>
internal static class MemberCaseCheck
{
    public static IEnumerable<CaseFinding> Run(string caseDirectory, JournalChain chain, CaseVerifyOptions options)
    {
        foreach (var (line, entry) in chain.Entries)
        {
            if ((string?)entry["kind"] is not (MemberAccountJournalKinds.Responded or MemberAccountJournalKinds.Watched) || entry["data"] is not JsonObject data
                || (string?)data["case"] is not { } relative || data["journal"] is not JsonObject head) continue;
            var directory = Path.GetFullPath(Path.Combine(caseDirectory, relative));
            if (!directory.StartsWith(Path.GetFullPath(caseDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || !Directory.Exists(directory))
            {
                yield return new CaseFinding(CaseFileNames.Journal, line, Messages.Get("CaseVerifyMemberCaseMissing", relative));
                continue;
            }
            var anchor = new JournalAnchor((long?)head["seq"] ?? 0, (string?)head["hash"] ?? "");
            var verified = CaseVerifier.Verify(directory, options with { Anchors = [anchor] });
            foreach (var f in verified.Findings)
                yield return new CaseFinding($"{relative}/{f.Path}", f.Line, Messages.Get("CaseVerifyMemberCase", relative, f.Problem));
        }
    }
}
