namespace Shodo.Cases;

/// <summary>
/// Checks a case folder end to end without changing it: every journal entry's hash and link (stopping
/// at the first break), that case.json is what the first entry recorded, that the evidence index
/// matches the journal, and every evidence blob's hashes. Never throws for a damaged case: damage is
/// reported as <see cref="CaseFinding"/>s naming the file and line.
/// </summary>
public static class CaseVerifier
{
    public static CaseVerification Verify(string caseDirectory)
    {
        var findings = new List<CaseFinding>();
        var chain = JournalChain.Walk(caseDirectory);
        if (chain.Finding is not null) findings.Add(chain.Finding);
        if (ManifestCheck.Run(caseDirectory, chain) is { } manifest) findings.Add(manifest);
        var evidence = EvidenceCheck.Run(caseDirectory, chain);
        findings.AddRange(evidence.Findings);
        var documents = DocumentCheck.Run(caseDirectory, chain);
        findings.AddRange(documents.Findings);
        return new CaseVerification(findings, chain.Entries.Count, evidence.Records, evidence.Blobs, chain.Head)
        {
            Documents = documents.Documents,
        };
    }
}
