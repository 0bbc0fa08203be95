using System.Reflection;
using Shodo.Diagnostics;
using Shodo.Localization;
using Shodo.Sigma.Parsing;

namespace Shodo.Sigma;

/// <summary>
/// A set of loaded Sigma rules, with every problem found while loading (bad rules are reported and
/// left out; the good ones are loaded) and the rules skipped because the engine does not evaluate
/// them (aggregations, correlations).
/// </summary>
public sealed class SigmaRuleSet
{
    /// <summary>The prefix of the built-in rules' manifest resource names and paths.</summary>
    public const string BuiltInPrefix = "shodo-rules/";

    private static readonly Lazy<SigmaRuleSet> BuiltInRules = new(LoadBuiltIn);

    public SigmaRuleSet(IReadOnlyList<SigmaRule> rules, IReadOnlyList<SigmaProblem> problems, IReadOnlyList<SigmaSkippedRule> skipped)
    {
        Rules = rules;
        Problems = problems;
        Skipped = skipped;
    }

    public IReadOnlyList<SigmaRule> Rules { get; }
    public IReadOnlyList<SigmaProblem> Problems { get; }
    public IReadOnlyList<SigmaSkippedRule> Skipped { get; }

    /// <summary>Shodo's own detections (<c>rules/</c> in the repository, embedded in the assembly).</summary>
    public static SigmaRuleSet BuiltIn => BuiltInRules.Value;

    /// <summary>Every <c>*.yml</c> and <c>*.yaml</c> under <paramref name="directory"/> (recursively),
    /// or the one file when it names a file.</summary>
    public static SigmaRuleSet Load(string directory, SigmaLoadOptions? options = null)
    {
        IEnumerable<string> files;
        if (File.Exists(directory)) files = [directory];
        else if (Directory.Exists(directory))
            files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        else throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("SigmaRulesNotFound", directory)));

        return FromSources(files.Select(f => (f, (Func<string>)(() => File.ReadAllText(f)))), options);
    }

    /// <summary>Rules from YAML texts, each named by its path (for messages).</summary>
    public static SigmaRuleSet FromYaml(IEnumerable<(string Path, string Yaml)> sources, SigmaLoadOptions? options = null) =>
        FromSources(sources.Select(s => (s.Path, (Func<string>)(() => s.Yaml))), options);

    /// <summary>
    /// Only the rules written for CloudTrail (<c>logsource: product: aws</c>, service cloudtrail or
    /// none), e.g. from a whole SigmaHQ checkout; problems and skipped rules are kept.
    /// </summary>
    public SigmaRuleSet OnlyCloudTrail() => new(Rules.Where(r => r.LogSource.IsCloudTrail).ToList(), Problems, Skipped);

    /// <summary>This set and <paramref name="other"/> together (e.g. built-in rules plus the user's).</summary>
    public SigmaRuleSet Concat(SigmaRuleSet other) =>
        new([.. Rules, .. other.Rules], [.. Problems, .. other.Problems], [.. Skipped, .. other.Skipped]);

    private static SigmaRuleSet FromSources(IEnumerable<(string Path, Func<string> Read)> sources, SigmaLoadOptions? options)
    {
        options ??= SigmaLoadOptions.Default;
        var rules = new List<SigmaRule>();
        var problems = new List<SigmaProblem>();
        var skipped = new List<SigmaSkippedRule>();
        var ids = new Dictionary<string, SigmaRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, read) in sources)
        {
            string text;
            try { text = read(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new SigmaProblem(path, 0, $"cannot read the file: {e.Message}"));
                continue;
            }
            var outcome = SigmaRuleReader.Read(text, path, options);
            problems.AddRange(outcome.Problems);
            skipped.AddRange(outcome.Skipped);
            foreach (var rule in outcome.Rules)
            {
                if (ids.TryGetValue(rule.Id, out var first))
                {
                    problems.Add(new SigmaProblem(path, rule.Line, $"rule id {rule.Id} is already used by {first.Path}:{first.Line}"));
                    continue;
                }
                ids[rule.Id] = rule;
                rules.Add(rule);
            }
        }
        return new SigmaRuleSet(rules, problems, skipped);
    }

    private static SigmaRuleSet LoadBuiltIn()
    {
        var assembly = typeof(SigmaRuleSet).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(BuiltInPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return FromSources(names.Select(n => ("builtin:" + n[BuiltInPrefix.Length..].Replace('\\', '/'), (Func<string>)(() => ReadResource(assembly, n)))), null);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
