using System.Text.Json.Nodes;

namespace Shodo.Trail.Digests;

/// <summary>
/// What the digest check of one archive found: no digests (<see cref="NoDigests"/>), a report, or why it could
/// not be done. Written into coverage.json (<see cref="ToJson"/>, the <c>digests</c> list of the investigation's
/// section) and read back by reports (<see cref="FromJson"/>). File names in it are attacker-chosen text.
/// </summary>
public sealed record TrailDigestOutcome(string Location)
{
    public TrailDigestReport? Report { get; init; }

    /// <summary>Why the digests could not all be listed (with no report: why nothing could be checked).</summary>
    public string? NotChecked { get; init; }

    /// <summary>Why the public keys that verify the digests' signatures could not all be had.</summary>
    public string? KeysProblem { get; init; }

    /// <summary>No digest file was found beside the log files (log file validation off, or not copied).</summary>
    public bool NoDigests => Report is null && NotChecked is null;

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["location"] = Location };
        if (NotChecked is not null) json["notChecked"] = NotChecked;
        if (KeysProblem is not null) json["keysProblem"] = KeysProblem;
        if (Report is not { } r)
        {
            json["digests"] = 0;
            return json;
        }
        json["digests"] = r.Digests;
        json["digestsVerified"] = r.DigestsVerified;
        json["logFilesRead"] = r.LogFilesRead;
        json["logFilesVerified"] = r.LogFilesVerified;
        json["logFilesNotChecked"] = r.LogFilesNotChecked;
        json["altered"] = Texts(r.LogFileFindings.Where(f => f.Kind == TrailProblemKinds.LogFileAltered).Select(f => f.File));
        json["missing"] = Texts(r.LogFileFindings.Where(f => f.Kind == TrailProblemKinds.LogFileMissing).Select(f => f.File));
        json["findings"] = new JsonArray(r.LogFileFindings.Select(f => (JsonNode)new JsonObject
        {
            ["file"] = f.File, ["kind"] = f.Kind, ["digest"] = f.Digest,
        }).ToArray());
        json["invalidDigests"] = Texts(r.InvalidDigests);
        json["chainBreaks"] = Texts(r.ChainBreaks);
        json["unverifiableDigests"] = Texts(r.UnverifiableDigests);
        json["unverifiableReasons"] = Texts(r.UnverifiableReasons);
        return json;
    }

    /// <summary>An outcome as <see cref="ToJson"/> wrote it; null when the JSON is not one.</summary>
    public static TrailDigestOutcome? FromJson(JsonNode? node)
    {
        if (node is not JsonObject json || Text(json, "location") is not { } location) return null;
        var outcome = new TrailDigestOutcome(location) { NotChecked = Text(json, "notChecked"), KeysProblem = Text(json, "keysProblem") };
        if (Number(json, "digests") is not ( > 0 and var digests)) return outcome;
        var findings = (json["findings"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(f => Text(f, "file") is { } file && Text(f, "kind") is { } kind ? new TrailLogFileFinding(file, kind, Text(f, "digest") ?? "") : null)
            .OfType<TrailLogFileFinding>().ToList();
        return outcome with
        {
            Report = new TrailDigestReport(digests, Number(json, "digestsVerified") ?? 0, Number(json, "logFilesVerified") ?? 0,
                List(json, "missing"), List(json, "altered"), List(json, "invalidDigests"), List(json, "unverifiableDigests"), List(json, "chainBreaks"))
            {
                LogFilesRead = Number(json, "logFilesRead") ?? 0,
                LogFilesNotChecked = Number(json, "logFilesNotChecked") ?? 0,
                UnverifiableReasons = List(json, "unverifiableReasons"),
                LogFileFindings = findings,
            },
        };
    }

    private static JsonArray Texts(IEnumerable<string> items) => new(items.Select(i => (JsonNode)i!).ToArray());

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Number(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    private static List<string> List(JsonObject json, string name) =>
        (json[name] as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
}
