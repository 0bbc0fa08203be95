using System.Text;
using Shodo.Diagnostics;
using Shodo.Localization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shodo.Configuration;

/// <summary>
/// The one configuration file (YAML): <c>--config FILE</c>, else <c>./shodo.yaml</c>, else
/// <c>$XDG_CONFIG_HOME/shodo/shodo.yaml</c> (<c>~/.config/shodo/shodo.yaml</c>). Each feature reads
/// its own top-level section (<c>escalation:</c>, <c>authority:</c>, <c>costs:</c>, ...) and reports
/// mistakes with <see cref="Error"/>, which names the file and line. A missing file is an empty
/// configuration unless it was named with --config.
/// </summary>
public sealed class ShodoConfiguration
{
    private readonly Dictionary<YamlMappingNode, HashSet<string>> _known = new(ReferenceEqualityComparer.Instance);

    private ShodoConfiguration(string? path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>The largest configuration file read: a real one is a few KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The file read, or null when there was none.</summary>
    public string? Path { get; }
    public YamlMappingNode Root { get; }

    public static ShodoConfiguration Empty { get; } = new(null, new YamlMappingNode());

    /// <summary>A top-level section, or null when absent.</summary>
    public YamlNode? Section(string name) => Child(Root, name);

    /// <summary>
    /// The value of <paramref name="key"/> in <paramref name="map"/>, or null when absent; notes that
    /// <paramref name="key"/> means something there, so <see cref="UnknownKeys"/> can name the keys
    /// that mean nothing. A section read key by key reads through here.
    /// </summary>
    public YamlNode? Child(YamlMappingNode map, string key)
    {
        Known(map, key);
        return map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    /// <summary>Notes that <paramref name="map"/> is read key by key and that <paramref name="keys"/> mean something in it.</summary>
    public void Known(YamlMappingNode map, params ReadOnlySpan<string> keys)
    {
        lock (_known)
        {
            if (!_known.TryGetValue(map, out var names)) _known[map] = names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in keys) names.Add(key);
        }
    }

    /// <summary>
    /// The keys under <paramref name="section"/> that no reader asked for, in the mappings read key by
    /// key (<see cref="Child"/>, <see cref="Known"/>), each with where it is (<c>escalation.levels[]</c>)
    /// and the keys that mean something there. Meaningful once the section has been read.
    /// </summary>
    public IReadOnlyList<UnknownKey> UnknownKeys(string section)
    {
        var found = new List<UnknownKey>();
        if (Section(section) is not { } node) return found;
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(YamlNode Node, string Where)>([(node, section)]);
        lock (_known)
            while (pending.TryPop(out var item))
            {
                if (!seen.Add(item.Node)) continue;
                if (item.Node is YamlSequenceNode sequence)
                    foreach (var child in sequence.Children) pending.Push((child, item.Where + "[]"));
                if (item.Node is not YamlMappingNode map) continue;
                _known.TryGetValue(map, out var names);
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    if (names is null || names.Contains(name)) pending.Push((value, item.Where + "." + name));
                    else found.Add(new UnknownKey(name, (int)key.Start.Line, item.Where, [.. names.Order(StringComparer.Ordinal)]));
                }
            }
        return [.. found.OrderBy(k => k.Line)];
    }

    /// <summary>Finds and reads the configuration; <paramref name="explicitPath"/> must exist when given.</summary>
    public static ShodoConfiguration Load(string? explicitPath, string? currentDirectory = null)
    {
        if (explicitPath is not null)
        {
            if (!File.Exists(explicitPath))
                throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ConfigNotFound", explicitPath)));
            return Parse(explicitPath, ReadCapped(explicitPath));
        }
        foreach (var candidate in Candidates(currentDirectory ?? Environment.CurrentDirectory))
            if (File.Exists(candidate)) return Parse(candidate, ReadCapped(candidate));
        return Empty;
    }

    public static ShodoConfiguration Parse(string? path, string yaml)
    {
        try
        {
            YamlShape.CheckDepth(yaml, (line, problem) => Error(path, line, problem));
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0) return new(path, new YamlMappingNode());
            if (stream.Documents[0].RootNode is not YamlMappingNode map)
                throw Error(path, stream.Documents[0].RootNode, Messages.Get("ConfigNotMapping"));
            YamlShape.CheckTree(map, (line, problem) => Error(path, line, problem));
            return new(path, map);
        }
        catch (YamlException e)
        {
            throw new ShodoException(new Diagnostic(ExitCode.Usage,
                Messages.Get("ConfigInvalid", Where(path, (int)e.Start.Line), e.InnerException?.Message ?? e.Message)));
        }
    }

    /// <summary>
    /// The file's text, refused past <see cref="MaxBytes"/> before reading further: a wrong path
    /// (a log, an image, a device that never ends) must not take minutes and gigabytes to say so.
    /// </summary>
    private static string ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.CanSeek && stream.Length > MaxBytes) throw TooLarge(path);
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        if (read > MaxBytes) throw TooLarge(path);
        using var reader = new StreamReader(new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static ShodoException TooLarge(string path) =>
        new(new Diagnostic(ExitCode.Usage, Messages.Get("ConfigTooLarge", path)));

    /// <summary>A mistake in the configuration at <paramref name="node"/>: exit code Usage, file:line in the message.</summary>
    public ShodoException Error(YamlNode node, string problem) => Error(Path, node, problem);

    private static ShodoException Error(string? path, YamlNode node, string problem) => Error(path, (int)node.Start.Line, problem);

    private static ShodoException Error(string? path, int line, string problem) =>
        new(new Diagnostic(ExitCode.Usage, Messages.Get("ConfigInvalid", Where(path, line), problem)));

    /// <summary><c>file:line: problem</c>, as every message about the configuration reads.</summary>
    public string Mistake(int line, string problem) => Messages.Get("ConfigInvalid", Where(Path, line), problem);

    private static string Where(string? path, int line) => $"{path ?? "(configuration)"}:{line}";

    private static IEnumerable<string> Candidates(string currentDirectory)
    {
        yield return System.IO.Path.Combine(currentDirectory, "shodo.yaml");
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var configHome = string.IsNullOrEmpty(xdg) ? System.IO.Path.Combine(home, ".config") : xdg;
        yield return System.IO.Path.Combine(configHome, "shodo", "shodo.yaml");
    }
}
