namespace Shodo.Aws.Policy;

/// <summary>
/// IAM's wildcards in actions and resources ('*' any run of characters, '?' exactly one), and the two questions asked of a
/// resource pattern when the resource is a family (every object under a bucket's prefix): may it name some of them, and
/// does it name all of them.
/// </summary>
public static class PolicyWildcard
{
    public static bool Matches(string pattern, string value, bool ignoreCase = false)
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

    /// <summary>Whether the pattern names at least one value that starts with <paramref name="prefix"/> (e.g. some object of a bucket).</summary>
    public static bool NamesSomeUnder(string pattern, string prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (i >= pattern.Length) return false;
            if (pattern[i] == '*') return true;
            if (pattern[i] != '?' && pattern[i] != prefix[i]) return false;
        }
        return true;
    }

    /// <summary>Whether the pattern names every value that starts with <paramref name="prefix"/>: it must match the shortest and a nested one.</summary>
    public static bool NamesAllUnder(string pattern, string prefix) =>
        Matches(pattern, prefix + "\u0001") && Matches(pattern, prefix + "\u0002/\u0003/\u0004");

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
}
