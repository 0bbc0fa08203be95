using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Sigma.Detection;
using Shodo.Sigma.Matching;
using Shodo.Sigma.Parsing;

namespace Shodo.Sigma;

/// <summary>
/// One Sigma rule: its metadata as the author wrote it (kept and shown with every match, as the
/// Detection Rule License asks for SigmaHQ rules), its log source, and its typed detection.
/// </summary>
public sealed partial record SigmaRule
{
    /// <summary>The rule's <c>id</c> (a UUID in SigmaHQ rules); the file name when the rule has none.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public SigmaLevel? Level { get; init; }
    public string? Status { get; init; }
    public string? Description { get; init; }
    public string? Author { get; init; }
    public string? Date { get; init; }
    public string? Modified { get; init; }
    public string? License { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    /// <summary>Tags as written: <c>attack.persistence</c>, <c>attack.t1136.003</c>, ...</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Falsepositives { get; init; } = [];
    public SigmaLogSource LogSource { get; init; } = SigmaLogSource.None;
    public required SigmaDetection Detection { get; init; }
    /// <summary>Where the rule was read: a file path, or <c>builtin:cloudtrail/x.yml</c>.</summary>
    public string? Path { get; init; }
    /// <summary>The line of the rule's first key (1-based).</summary>
    public int Line { get; init; } = 1;
    /// <summary>The <c>x-shodo:</c> section, when present.</summary>
    public ShodoRuleData? Shodo { get; init; }
    /// <summary>Every top-level attribute the Sigma specification does not define, as JSON.</summary>
    public IReadOnlyDictionary<string, JsonNode?> CustomAttributes { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>ATT&amp;CK technique ids from the tags: <c>attack.t1136.003</c> → <c>T1136.003</c>.</summary>
    public IReadOnlyList<string> Techniques => Tags
        .Where(t => t.Length > 8 && t.StartsWith("attack.t", StringComparison.OrdinalIgnoreCase) && char.IsDigit(t[8]))
        .Select(t => t[7..].ToUpperInvariant()).ToList();

    /// <summary>ATT&amp;CK tactics from the tags (<c>attack.persistence</c> → <c>persistence</c>, dashes for underscores).</summary>
    public IReadOnlyList<string> Tactics => Tags
        .Where(t => t.StartsWith("attack.", StringComparison.OrdinalIgnoreCase) && !AttackId().IsMatch(t))
        .Select(t => t[7..].Replace('_', '-').ToLowerInvariant()).ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"^attack\.[tgs]\d", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AttackId();

    /// <summary>True when the record matches the rule's detection.</summary>
    public bool Matches(JsonElement record) => Detection.Matches(new MatchContext(record));

    /// <summary>True when the record matches; <paramref name="context"/> shares resolved fields between rules.</summary>
    public bool Matches(MatchContext context) => Detection.Matches(context);

    /// <summary>
    /// One sentence about what matched, for a non-specialist: the <c>x-shodo</c> summary in
    /// <paramref name="language"/> (<c>en</c>, <c>ja</c>; English when missing), else the description, else the title.
    /// </summary>
    public string SummaryFor(string language) => Shodo?.Summary(language) ?? Description ?? Title;

    /// <summary>Parses one rule from YAML text; throws <see cref="SigmaRuleException"/> naming file:line.</summary>
    public static SigmaRule Parse(string yaml, string? path = null, SigmaLoadOptions? options = null)
    {
        var outcome = SigmaRuleReader.Read(yaml, path, options ?? SigmaLoadOptions.Default);
        if (outcome.Problems.Count > 0 || outcome.Skipped.Count > 0 || outcome.Rules.Count != 1)
            throw new SigmaRuleException(
                outcome.Problems.Count == 0 && outcome.Skipped.Count == 0
                    ? [new SigmaProblem(path, 1, $"expected one rule, found {outcome.Rules.Count}")]
                    : outcome.Problems,
                outcome.Skipped);
        return outcome.Rules[0];
    }
}
