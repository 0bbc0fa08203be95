namespace Shodo.Tests.Archives;

/// <summary>
/// The shared CloudTrail test data (<c>shared/testdata/cloudtrail</c>: records from Stratus Red Team
/// detonations, carried in the repository), found by walking up from the test binaries; <c>SHODO_TESTDATA</c> overrides.
/// </summary>
public static class TrailTestData
{
    public static string Root { get; } = Find();

    public static string Detonations => Path.Combine(Root, "cloudtrail", "stratus-red-team-detonation-logs");

    public static IReadOnlyList<string> DetonationFiles =>
        Directory.GetFiles(Detonations, "*.json").Order(StringComparer.Ordinal).ToList();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("SHODO_TESTDATA") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/testdata was not found above {AppContext.BaseDirectory}; set SHODO_TESTDATA to its path.");
    }
}
