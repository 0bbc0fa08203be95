namespace Shodo.Cases;

/// <summary>
/// Checks a case folder end to end without changing it: every journal entry's hash and link (stopping
/// at the first break), that case.json is what the first entry recorded, that the evidence index
/// matches the journal, every evidence blob's hashes, every document, and the anchors outside the
/// folder it is given. Never throws for a damaged case: damage is reported as <see cref="CaseFinding"/>s
/// naming the file and line.
/// <para>
/// It takes no lock, so another process may be writing the case. It reads in the order that makes the
/// writers' order safe — the index and the journal's length before the journal, the temporary file of a
/// document before the document, the journal again when a document is newer than it — so one reading is
/// consistent. As a safety net it reads again when a problem in what writers change as they go (index,
/// documents, blobs) was seen while the journal grew. States a write in progress or a crash leaves are
/// notes, not findings.
/// </para>
/// </summary>
public static class CaseVerifier
{
    public static CaseVerification Verify(string caseDirectory, CaseVerifyOptions? options = null)
    {
        options ??= new CaseVerifyOptions();
        var attempts = Math.Max(1, options.Attempts);
        for (var attempt = 1; ; attempt++)
        {
            var before = JournalLength(caseDirectory);
            var (result, chainBroken) = Attempt(caseDirectory, options, before);
            var after = JournalLength(caseDirectory);
            var written = after != before;
            // A break in the chain or a changed case.json is never a reading's timing: only what a writer
            // changes as it goes (the index, the documents, the blobs) is read again.
            if (result.Intact || !written || chainBroken)
                return result with { BeingWritten = written };
            if (attempt == attempts)
                return result with { BeingWritten = true, Unsettled = true };
            Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt));
        }
    }

    private static (CaseVerification Result, bool ChainBroken) Attempt(string caseDirectory, CaseVerifyOptions options, long journalLength)
    {
        var indexPath = CaseFileNames.Full(caseDirectory, CaseFileNames.EvidenceIndex);
        var index = File.Exists(indexPath) ? PrivateFiles.ReadShared(indexPath) : null;
        var findings = new List<CaseFinding>();
        var notes = new List<CaseFinding>();
        var chain = JournalChain.Walk(caseDirectory);
        if (chain.Finding is not null) findings.Add(chain.Finding);
        if (chain.Tail is { } tail)
            notes.Add(tail.Complete
                ? new(CaseFileNames.Journal, tail.Line, Localization.Messages.Get("CaseVerifyNoteJournalNewline", CaseFileNames.Journal, tail.Line))
                : new(CaseFileNames.Journal, tail.Line, Localization.Messages.Get("CaseVerifyNoteJournalUnfinished", CaseFileNames.Journal, tail.Line, tail.Bytes.Length)));
        var manifest = ManifestCheck.Run(caseDirectory, chain);
        if (manifest is not null) findings.Add(manifest);
        var evidence = EvidenceCheck.Run(caseDirectory, chain, index, journalLength);
        findings.AddRange(evidence.Findings);
        notes.AddRange(evidence.Notes);
        var documents = DocumentCheck.Run(caseDirectory, chain);
        findings.AddRange(documents.Findings);
        notes.AddRange(documents.Notes);
        var anchors = AnchorCheck.Run(chain, options);
        findings.AddRange(anchors.Findings);
        findings.AddRange(Accounts.MemberCaseCheck.Run(caseDirectory, chain, options));
        return (new CaseVerification(findings, chain.Entries.Count, evidence.Records, evidence.Blobs, chain.Head)
        {
            Documents = documents.Documents,
            Notes = notes,
            Anchoring = anchors.Anchoring,
        }, chain.Finding is not null || manifest is not null || anchors.Findings.Count > 0);
    }

    private static long JournalLength(string caseDirectory)
    {
        var path = Path.Combine(caseDirectory, CaseFileNames.Journal);
        return File.Exists(path) ? new FileInfo(path).Length : -1;
    }
}
