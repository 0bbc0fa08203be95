namespace Shodo.Range.Tests.Infrastructure;

/// <summary>
/// The project's shared test data (<c>shared/testdata</c>, carried in the repository so a clone anywhere
/// has it). Found by walking up from the test binaries; <c>SHODO_TESTDATA</c> overrides. A missing folder fails the test with a message saying where it was looked for.
/// </summary>
public static class SharedTestData
{
    public static string Root { get; } = Find();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

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
