namespace Shodo.Range.Auth.Policies;

/// <summary>IAM's wildcard matching: '*' any run of characters, '?' exactly one.</summary>
public static class Wildcard
{
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!pattern.Contains('*') && !pattern.Contains('?')) return string.Equals(pattern, value, comparison);
        return Match(pattern.AsSpan(), value.AsSpan(), ignoreCase);
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, bool ignoreCase)
    {
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase))) { p++; v++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = v; }
            else if (star >= 0) { p = star + 1; v = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
}
