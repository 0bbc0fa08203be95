using System.Text.RegularExpressions;

namespace Shodo.Tests.Architecture;

/// <summary>
/// Inside src/Shodo/Containment the steps point forward only: the plan is data and names no other sub-folder (the
/// planner that builds it, and what it reads, are in <c>Planning</c>); actions read targets through <c>Reads</c>,
/// which knows no action; apply reads the plan; verify reads the plan and what apply recorded; what was done (the ledger read back
/// from the journal, the recorder that appends to it, the verification document) is in <c>Record</c>, which names
/// none of the steps. Read from the sources: every <c>Shodo.Containment.Folder</c> a file names. Each sub-folder's
/// files declare that sub-folder's namespace, so a dependency cannot hide behind a shared namespace.
/// </summary>
public sealed partial class ContainmentFolderDependencyTests
{
    [GeneratedRegex(@"\bShodo\.Containment\.(\w+)")]
    private static partial Regex Named();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    private static string Containment()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "Shodo", "Containment");
    }

    private static IEnumerable<(string Folder, string File, string Text)> Files() =>
        Directory.GetDirectories(Containment()).Select(Path.GetFileName).OfType<string>()
            .Where(d => d is not ("bin" or "obj"))
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Containment(), folder), "*.cs", SearchOption.AllDirectories)
                .Select(f => (folder, Path.GetRelativePath(Containment(), f), File.ReadAllText(f))));

    /// <summary>The sub-folders <paramref name="folder"/>'s files name, with one file per edge to say where.</summary>
    private static Dictionary<string, string> Names(string folder)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (f, file, text) in Files().Where(x => x.Folder == folder))
            foreach (Match m in Named().Matches(text))
                if (m.Groups[1].Value != f) named.TryAdd(m.Groups[1].Value, file);
        return named;
    }

    [Fact]
    public void Every_file_of_a_sub_folder_declares_that_sub_folders_namespace()
    {
        var wrong = Files().Where(x => Namespace().Match(x.Text).Groups[1].Value != "Shodo.Containment." + x.Folder)
            .Select(x => x.File).ToList();
        Assert.True(wrong.Count == 0, "Files outside their folder's namespace:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Plan", "Apply")]
    [InlineData("Plan", "Verify")]
    [InlineData("Authority", "Apply")]
    [InlineData("Authority", "Verify")]
    [InlineData("Verify", "Apply")]
    [InlineData("Record", "Plan")]
    [InlineData("Record", "Apply")]
    [InlineData("Record", "Verify")]
    [InlineData("Record", "Actions")]
    [InlineData("Plan", "Planning")]
    [InlineData("Actions", "Planning")]
    [InlineData("Reads", "Actions")]
    [InlineData("Reads", "Planning")]
    [InlineData("Doors", "Actions")]
    public void A_step_does_not_reach_back(string folder, string later)
    {
        var named = Names(folder);
        Assert.True(!named.ContainsKey(later), $"Containment/{folder} names Containment/{later} ({named.GetValueOrDefault(later)})");
    }

    [Fact]
    public void The_plan_is_data_that_names_no_other_sub_folder()
    {
        var named = Names("Plan");
        Assert.True(named.Count == 0, "Containment/Plan names " + string.Join(", ", named.Select(n => $"{n.Key} ({n.Value})")));
    }

    [Fact]
    public void No_sub_folder_depends_on_one_that_depends_on_it()
    {
        var folders = Files().Select(x => x.Folder).Distinct(StringComparer.Ordinal).ToList();
        var edges = folders.ToDictionary(f => f, f => Names(f).Keys.Where(folders.Contains).ToList(), StringComparer.Ordinal);
        var cycles = new List<string>();
        foreach (var start in folders.Order(StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<List<string>>();
            stack.Push([start]);
            while (stack.Count > 0 && cycles.Count == 0)
            {
                var path = stack.Pop();
                foreach (var next in edges[path[^1]])
                {
                    if (next == start) { cycles.Add(string.Join(" → ", path.Append(next))); break; }
                    if (seen.Add(next)) stack.Push([.. path, next]);
                }
            }
        }
        Assert.True(cycles.Count == 0, "Dependency cycles inside Containment:\n" + string.Join("\n", cycles));
    }
}
