using System.Text.RegularExpressions;

namespace Shodo.Tests.Architecture;

/// <summary>
/// The top-level folders of src/Shodo (one namespace each: Aws, Cases, Evidence, Investigation, Containment, ...)
/// depend on each other in one direction only, as design.md draws the data path: no folder reaches back to one
/// that depends on it. Read from the sources: every <c>Shodo.Folder</c> a file names (usings and qualified names).
/// </summary>
public sealed partial class FolderDependencyTests
{
    [GeneratedRegex(@"\bShodo\.(\w+)")]
    private static partial Regex Named();

    private static string Source()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "Shodo");
    }

    /// <summary>Folder → the folders its files name, with one file per edge to say where.</summary>
    private static Dictionary<string, Dictionary<string, string>> Edges()
    {
        var root = Source();
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(d => d is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        var edges = folders.ToDictionary(f => f, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
                foreach (Match m in Named().Matches(File.ReadAllText(file)))
                {
                    var target = m.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                        edges[folder].TryAdd(target, Path.GetRelativePath(root, file));
                }
        return edges;
    }

    [Fact]
    public void No_top_level_folder_depends_on_one_that_depends_on_it()
    {
        var edges = Edges();
        var cycles = new List<string>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
            if (PathBack(edges, start) is { } path) cycles.Add(string.Join(" → ", path));
        Assert.True(cycles.Count == 0, "Dependency cycles between folders of src/Shodo:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_data_flows_one_way_aws_evidence_investigation_containment_reports()
    {
        var edges = Edges();
        Assert.DoesNotContain("Investigation", edges["Aws"].Keys);
        Assert.DoesNotContain("Investigation", edges["Evidence"].Keys);
        Assert.DoesNotContain("Containment", edges["Investigation"].Keys);
        Assert.DoesNotContain("Reports", edges["Containment"].Keys);
        Assert.DoesNotContain("Investigation", edges["Sigma"].Keys);
    }

    [Fact]
    public void The_trail_module_depends_on_no_feature_that_reads_it()
    {
        var edges = Edges();
        Assert.Empty(edges["Trail"].Keys.Except(["Aws", "Cases", "Diagnostics", "Localization"]));
        foreach (var reader in new[] { "Investigation", "Hunting", "Containment" })
            Assert.Contains("Trail", edges[reader].Keys);
    }

    /// <summary>A path from <paramref name="start"/> through its dependencies back to itself, or null.</summary>
    private static List<string>? PathBack(Dictionary<string, Dictionary<string, string>> edges, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<List<string>>();
        stack.Push([start]);
        while (stack.Count > 0)
        {
            var path = stack.Pop();
            foreach (var (next, file) in edges[path[^1]])
            {
                var step = $"{next} ({file})";
                if (next == start) return [.. path, step];
                if (seen.Add(next)) stack.Push([.. path, next]);
            }
        }
        return null;
    }
}
