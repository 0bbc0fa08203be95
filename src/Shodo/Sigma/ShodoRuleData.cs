namespace Shodo.Sigma;

/// <summary>
/// Shodo's own data in a rule, under the custom attribute <c>x-shodo:</c>:
/// <code>
/// x-shodo:
///   tactic: persistence
///   summary:
///     en: A new IAM user was created ...
///     ja: 新しい IAM ユーザーが作成されました ...
/// </code>
/// The summary is one sentence a non-specialist understands.
/// </summary>
public sealed record ShodoRuleData(string? Tactic, IReadOnlyDictionary<string, string> Summaries)
{
    /// <summary>The summary in <paramref name="language"/> (<c>en</c>, <c>ja</c>), else English, else null.</summary>
    public string? Summary(string language) =>
        Summaries.TryGetValue(language, out var text) ? text
        : Summaries.TryGetValue("en", out var english) ? english
        : Summaries.Values.FirstOrDefault();
}
