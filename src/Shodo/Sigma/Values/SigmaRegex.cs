using System.Text.RegularExpressions;
using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>
/// The <c>re</c> modifier: a regular expression searched for anywhere in the field text (not
/// anchored), case-sensitive unless the <c>i</c> flag; <c>m</c> multi-line, <c>s</c> dot matches
/// newline. Runs without backtracking when the pattern allows it, otherwise with a time limit, so a
/// hostile record cannot stall a hunt.
/// </summary>
public sealed record SigmaRegex : SigmaValue
{
    private Regex? _regex;

    public SigmaRegex(string pattern, bool ignoreCase = false, bool multiline = false, bool dotAll = false)
    {
        Pattern = pattern;
        IgnoreCase = ignoreCase;
        Multiline = multiline;
        DotAll = dotAll;
    }

    // A copy made with 'with' (another flag) compiles its own expression.
    private SigmaRegex(SigmaRegex original) : base(original)
    {
        Pattern = original.Pattern;
        IgnoreCase = original.IgnoreCase;
        Multiline = original.Multiline;
        DotAll = original.DotAll;
    }

    public string Pattern { get; }
    public bool IgnoreCase { get; init; }
    public bool Multiline { get; init; }
    public bool DotAll { get; init; }

    /// <summary>The compiled expression; throws <see cref="ArgumentException"/> for an invalid pattern.</summary>
    public Regex Regex => _regex ??= Compile();

    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context)
    {
        var regex = Regex;
        return Any(values, t =>
        {
            try { return regex.IsMatch(t); }
            catch (RegexMatchTimeoutException) { return false; }
        });
    }

    private Regex Compile()
    {
        var options = RegexOptions.CultureInvariant;
        if (IgnoreCase) options |= RegexOptions.IgnoreCase;
        if (Multiline) options |= RegexOptions.Multiline;
        if (DotAll) options |= RegexOptions.Singleline;
        try { return new Regex(Pattern, options | RegexOptions.NonBacktracking); }
        catch (NotSupportedException) { return new Regex(Pattern, options, TimeSpan.FromSeconds(1)); }
    }

    public bool Equals(SigmaRegex? other) =>
        other is not null && Pattern == other.Pattern && IgnoreCase == other.IgnoreCase && Multiline == other.Multiline && DotAll == other.DotAll;

    public override int GetHashCode() => HashCode.Combine(Pattern, IgnoreCase, Multiline, DotAll);

    public override string ToString() => $"/{Pattern}/{(IgnoreCase ? "i" : "")}{(Multiline ? "m" : "")}{(DotAll ? "s" : "")}";
}
