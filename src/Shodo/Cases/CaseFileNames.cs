namespace Shodo.Cases;

/// <summary>The names of the files and folders inside a case folder (see docs/case-format.md).</summary>
public static class CaseFileNames
{
    public const string Manifest = "case.json";
    public const string Journal = "journal.jsonl";
    public const string Evidence = "evidence";
    public const string EvidenceIndex = "evidence/index.jsonl";
    public const string Lock = ".lock";

    /// <summary>Where a blob with this SHA-256 lives, relative to the case folder, with '/' separators.</summary>
    public static string Blob(string sha256) => $"evidence/{sha256[..2]}/{sha256}.gz";

    public static string Full(string caseDirectory, string relative) =>
        Path.Combine(caseDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
}
