namespace Shodo.Sigma;

/// <summary>What is wrong with a rule file, and where (1-based line).</summary>
public sealed record SigmaProblem(string? Path, int Line, string Message)
{
    public override string ToString() => $"{Path ?? "(rule)"}:{Line}: {Message}";
}

/// <summary>A rule that is valid but that the engine does not evaluate (aggregations, correlations), and why.</summary>
public sealed record SigmaSkippedRule(string? Path, int Line, string? Id, string? Title, string Reason)
{
    public override string ToString() => $"{Path ?? "(rule)"}:{Line}: {Title ?? Id ?? "rule"} skipped: {Reason}";
}

/// <summary>Thrown by <see cref="SigmaRule.Parse"/> when the text is not a rule the engine can evaluate.</summary>
public sealed class SigmaRuleException(IReadOnlyList<SigmaProblem> problems, IReadOnlyList<SigmaSkippedRule> skipped)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => p.ToString()).Concat(skipped.Select(s => s.ToString()))))
{
    public IReadOnlyList<SigmaProblem> Problems { get; } = problems;
    public IReadOnlyList<SigmaSkippedRule> Skipped { get; } = skipped;
}
