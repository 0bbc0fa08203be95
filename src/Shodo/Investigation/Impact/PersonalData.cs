namespace Shodo.Investigation.Impact;

/// <summary>Whether a bucket or database is marked as holding personal data: by its tags, or plainly by its name.</summary>
public static class PersonalData
{
    private static readonly string[] Values = ["personal", "pii", "personal-data", "sensitive-personal", "phi", "customer-personal"];
    private static readonly string[] Keys = ["pii", "personal-data", "contains-pii", "personaldata"];

    public static bool IsMarked(string name, IReadOnlyDictionary<string, string> tags) =>
        tags.Any(t => Values.Contains(t.Value.Trim().ToLowerInvariant())
                      || Keys.Contains(t.Key.Trim().ToLowerInvariant()) && t.Value.Trim().ToLowerInvariant() is "true" or "yes")
        || name.Contains("pii", StringComparison.OrdinalIgnoreCase) || name.Contains("personal", StringComparison.OrdinalIgnoreCase);
}
