using System.Text.Json;

namespace Shodo.Tests.Detections;

/// <summary>
/// The Stratus Red Team detonation logs in <c>shared/testdata/cloudtrail</c> (found by walking up from
/// the test binaries; <c>SHODO_TESTDATA</c> overrides): real CloudTrail records of attack techniques.
/// </summary>
internal static class DetonationLogs
{
    public static string Directory { get; } = Path.Combine(FindTestData(), "cloudtrail", "stratus-red-team-detonation-logs");

    /// <summary>The records of one technique file (a bare JSON array, or <c>{"Records":[...]}</c>).</summary>
    public static List<JsonElement> Records(string technique)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, technique + ".json")));
        var root = document.RootElement;
        var array = root.ValueKind == JsonValueKind.Object ? root.GetProperty("Records") : root;
        return array.EnumerateArray().Select(r => r.Clone()).ToList();
    }

    public static IEnumerable<string> Techniques() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;

    private static string FindTestData()
    {
        if (Environment.GetEnvironmentVariable("SHODO_TESTDATA") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"shared/testdata was not found above {AppContext.BaseDirectory}; set SHODO_TESTDATA to its path.");
    }
}
