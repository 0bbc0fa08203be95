namespace Shodo.Configuration;

/// <summary>
/// The known name a misspelt one was most likely meant to be (<c>escalaton</c> → <c>escalation</c>,
/// <c>timezone</c> → <c>timeZone</c>, <c>webhook</c> → <c>webhook_url</c>), or null when none is close:
/// case is ignored, and a name is close within a third of its length in edits (at least two; a swap
/// of neighbours is one edit) or when the known name begins with the one typed.
/// </summary>
public static class NearestName
{
    /// <summary>Names longer than this are not anything's misspelling.</summary>
    private const int MaxLength = 64;

    public static string? Of(string name, IEnumerable<string> known)
    {
        if (name.Length > MaxLength) return null;
        var typed = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var lower = candidate.ToLowerInvariant();
            var distance = Distance(typed, lower);
            var close = distance <= Math.Max(2, Math.Max(typed.Length, lower.Length) / 3)
                || typed.Length >= 3 && lower.StartsWith(typed, StringComparison.Ordinal);
            if (close && distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
