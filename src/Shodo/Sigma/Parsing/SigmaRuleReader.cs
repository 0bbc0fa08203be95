using Shodo.Sigma.Detection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shodo.Sigma.Parsing;

/// <summary>What reading a file gave: the good rules, the problems, the rules skipped.</summary>
internal sealed record RuleReadOutcome(List<SigmaRule> Rules, List<SigmaProblem> Problems, List<SigmaSkippedRule> Skipped);

/// <summary>Reads the YAML documents of one rule file.</summary>
internal static class SigmaRuleReader
{
    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "title", "id", "name", "related", "taxonomy", "status", "description", "license", "author", "references",
        "date", "modified", "logsource", "detection", "fields", "falsepositives", "level", "tags", "scope",
    };

    public static RuleReadOutcome Read(string yaml, string? path, SigmaLoadOptions options)
    {
        var outcome = new RuleReadOutcome([], [], []);
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e)
        {
            outcome.Problems.Add(new SigmaProblem(path, (int)e.Start.Line, $"invalid YAML: {e.InnerException?.Message ?? e.Message}"));
            return outcome;
        }
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                outcome.Problems.Add(new SigmaProblem(path, YamlNodes.Line(document.RootNode), "a rule must be a YAML map"));
                continue;
            }
            try { ReadDocument(root, path, options, outcome); }
            catch (RuleFormatException e) { outcome.Problems.Add(new SigmaProblem(path, e.Line, e.Message)); }
            catch (InvalidCastException)
            {
                // A key that is not a plain value (a list or map used as a key): not a Sigma rule shape.
                outcome.Problems.Add(new SigmaProblem(path, YamlNodes.Line(root), "the rule uses a list or map where a name was expected"));
            }
        }
        return outcome;
    }

    private static void ReadDocument(YamlMappingNode root, string? path, SigmaLoadOptions options, RuleReadOutcome outcome)
    {
        var line = YamlNodes.Line(root);
        var id = YamlNodes.Text(root, "id");
        var title = YamlNodes.Text(root, "title");
        if (YamlNodes.Text(root, "action") is { } action)
        {
            outcome.Skipped.Add(new SigmaSkippedRule(path, line, id, title, $"rule collections ('action: {action}') are not supported"));
            return;
        }
        if (YamlNodes.Child(root, "correlation") is not null)
        {
            outcome.Skipped.Add(new SigmaSkippedRule(path, line, id, title, "correlation rules are not evaluated"));
            return;
        }
        if (YamlNodes.Child(root, "filter") is not null && YamlNodes.Child(root, "detection") is null)
        {
            outcome.Skipped.Add(new SigmaSkippedRule(path, line, id, title, "filter rules are not evaluated"));
            return;
        }
        if (string.IsNullOrWhiteSpace(title)) throw new RuleFormatException(line, "the rule has no 'title'");
        var detectionNode = YamlNodes.Child(root, "detection") ?? throw new RuleFormatException(line, "the rule has no 'detection'");
        if (detectionNode is not YamlMappingNode detectionMap)
            throw new RuleFormatException(YamlNodes.Line(detectionNode), "'detection' must be a map");

        SigmaLevel? level = null;
        if (YamlNodes.Text(root, "level") is { } levelText)
        {
            if (!SigmaLevelExtensions.TryParse(levelText, out var parsed))
                throw new RuleFormatException(YamlNodes.Line(YamlNodes.Child(root, "level")!),
                    $"level '{levelText}' is not one of informational, low, medium, high, critical");
            level = parsed;
        }

        var detection = new DetectionParser(options.ModifierContext).Parse(detectionMap, YamlNodes.KeyLine(root, "detection"), out var aggregation, out var aggregationLine);
        if (detection is null)
        {
            outcome.Skipped.Add(new SigmaSkippedRule(path, aggregationLine, id, title, $"the condition aggregates ('{aggregation}'), which is not evaluated"));
            return;
        }

        outcome.Rules.Add(new SigmaRule
        {
            Id = id ?? System.IO.Path.GetFileNameWithoutExtension(path ?? title),
            Title = title,
            Level = level,
            Status = YamlNodes.Text(root, "status"),
            Description = YamlNodes.Text(root, "description"),
            Author = YamlNodes.Text(root, "author"),
            Date = YamlNodes.Text(root, "date"),
            Modified = YamlNodes.Text(root, "modified"),
            License = YamlNodes.Text(root, "license"),
            References = YamlNodes.TextList(root, "references"),
            Tags = YamlNodes.TextList(root, "tags"),
            Falsepositives = YamlNodes.TextList(root, "falsepositives"),
            LogSource = ReadLogSource(root),
            Detection = detection,
            Path = path,
            Line = line,
            Shodo = ReadShodo(root),
            CustomAttributes = root.Children
                .Where(kv => kv.Key is YamlScalarNode k && !Standard.Contains(k.Value ?? ""))
                .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => YamlNodes.ToJson(kv.Value)),
        });
    }

    private static SigmaLogSource ReadLogSource(YamlMappingNode root) => YamlNodes.Child(root, "logsource") switch
    {
        null => SigmaLogSource.None,
        YamlMappingNode map => new SigmaLogSource(YamlNodes.Text(map, "product"), YamlNodes.Text(map, "service"), YamlNodes.Text(map, "category")),
        var other => throw new RuleFormatException(YamlNodes.Line(other), "'logsource' must be a map"),
    };

    private static ShodoRuleData? ReadShodo(YamlMappingNode root)
    {
        var node = YamlNodes.Child(root, "x-shodo");
        if (node is null) return null;
        if (node is not YamlMappingNode map) throw new RuleFormatException(YamlNodes.Line(node), "'x-shodo' must be a map");
        var summaries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (YamlNodes.Child(map, "summary"))
        {
            case null: break;
            case YamlScalarNode s when !YamlNodes.IsNull(s): summaries["en"] = s.Value!; break;
            case YamlMappingNode languages:
                foreach (var (k, v) in languages.Children)
                    summaries[((YamlScalarNode)k).Value ?? ""] = (v as YamlScalarNode)?.Value
                        ?? throw new RuleFormatException(YamlNodes.Line(v), "each x-shodo summary must be text");
                break;
            case var other: throw new RuleFormatException(YamlNodes.Line(other), "'x-shodo.summary' must be text or a map of languages");
        }
        return new ShodoRuleData(YamlNodes.Text(map, "tactic"), summaries);
    }
}
