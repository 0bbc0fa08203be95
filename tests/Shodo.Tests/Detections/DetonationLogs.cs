using System.Text.Json;

namespace Shodo.Tests.Detections;

/// <summary>
/// The Stratus Red Team detonation logs in <c>shared/testdata/cloudtrail</c> (located by
/// <see cref="Archives.TrailTestData"/>): real CloudTrail records of attack techniques.
/// </summary>
internal static class DetonationLogs
{
    public static string Directory { get; } = Archives.TrailTestData.Detonations;

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
}
