using System.Text.Json;
using Shodo.Sigma;

namespace Shodo.Tests.Sigma;

/// <summary>Builds rules around a detection section, and records from JSON, for the engine's tests.</summary>
internal static class SigmaTestRules
{
    public static SigmaRule Rule(string detection, SigmaLoadOptions? options = null) =>
        SigmaRule.Parse(Wrap(detection), "test.yml", options);

    public static string Wrap(string detection)
    {
        var lines = detection.Trim('\n').Split('\n').Select(l => "    " + l);
        return "title: Test rule\nid: 00000000-0000-0000-0000-000000000001\nlogsource:\n    product: aws\n    service: cloudtrail\ndetection:\n"
               + string.Join('\n', lines) + "\nlevel: low\n";
    }

    public static JsonElement Record(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static bool Matches(string detection, string json) => Rule(detection).Matches(Record(json));
}
