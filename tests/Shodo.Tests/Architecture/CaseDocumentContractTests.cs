using System.Text.RegularExpressions;

namespace Shodo.Tests.Architecture;

/// <summary>
/// Each step publishes its case documents under names it declares once: the document's format
/// (<c>shodo-…/N</c>) and its producer are constants next to the step's journal kinds or its document type, never
/// a literal at a write site, so a reader (reports, the drill, a resume) names the same constant. Read from the sources.
/// </summary>
public sealed partial class CaseDocumentContractTests
{
    [GeneratedRegex(@"""shodo-[a-z-]+/\d+""")]
    private static partial Regex FormatLiteral();

    [GeneratedRegex(@"(?:Documents\.Write\w*Async|InvestigationFiles\.WriteAsync)\([^;]*,\s*""[a-z-]+""\s*,\s*(?:ct|CancellationToken\.None)\)", RegexOptions.Singleline)]
    private static partial Regex ProducerLiteral();

    private static IEnumerable<(string File, string Text)> Sources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var root = Path.Combine(dir.FullName, "src", "Shodo");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)));
    }

    [Fact]
    public void A_document_format_is_declared_once_as_a_constant()
    {
        var literals = Sources()
            .SelectMany(s => s.Text.Split('\n').Where(l => FormatLiteral().IsMatch(l) && !l.Contains("const string", StringComparison.Ordinal))
                .Select(l => $"{s.File}: {l.Trim()}"))
            .ToList();
        Assert.True(literals.Count == 0, "Document formats written as literals:\n" + string.Join("\n", literals));
    }

    [Fact]
    public void A_document_names_its_producer_by_constant()
    {
        var literals = Sources().SelectMany(s => ProducerLiteral().Matches(s.Text).Select(m => $"{s.File}: {m.Value}")).ToList();
        Assert.True(literals.Count == 0, "Documents written with a literal producer:\n" + string.Join("\n", literals));
    }

    [Fact]
    public void A_journal_kind_is_appended_by_constant()
    {
        var literals = Sources().Where(s => Regex.IsMatch(s.Text, @"\.AppendAsync\(\s*""")).Select(s => s.File).ToList();
        Assert.True(literals.Count == 0, "Journal kinds appended as literals:\n" + string.Join("\n", literals));
    }
}
