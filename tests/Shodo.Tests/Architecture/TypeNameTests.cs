using System.Text.RegularExpressions;

namespace Shodo.Tests.Architecture;

/// <summary>
/// A name means one thing across src/Shodo: no two top-level types declare the same name in different folders
/// (Reports once had its own ContainmentAction, EscalationFacts and TrailEvent beside the features' types of
/// those names, with other meanings). Read from the sources: every type declared at the start of a line.
/// </summary>
public sealed partial class TypeNameTests
{
    [GeneratedRegex(@"^(?:public |internal )?(?:(?:sealed|static|abstract|partial|readonly) )*(?:class|record struct|record|struct|interface|enum) ([A-Z]\w*)",
        RegexOptions.Multiline)]
    private static partial Regex Declared();

    [Fact]
    public void No_two_top_level_types_of_src_Shodo_share_a_name()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var root = Path.Combine(dir.FullName, "src", "Shodo");
        var declared = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Declared().Matches(File.ReadAllText(f)).Select(m => (Name: m.Groups[1].Value, File: Path.GetRelativePath(root, f))))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            // One folder is one namespace: a name declared in several files of it is one partial type (the compiler refuses two).
            .Where(g => g.Select(d => Path.GetDirectoryName(d.File)).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.File))}")
            .ToList();
        Assert.True(declared.Count == 0, "Types declared twice under one name:\n" + string.Join("\n", declared));
    }
}
