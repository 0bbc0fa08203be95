using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Escalation.Acknowledgement;

/// <summary>
/// An acknowledgement handed to the process that holds the case (format <c>shodo-ack-request/1</c>),
/// one small JSON file in the case's <c>inbox/</c>. See docs/case-format.md.
/// </summary>
public sealed record AckRequest(string By, DateTimeOffset RequestedAt, string LocalUser, string Host)
{
    public const string Format = "shodo-ack-request/1";

    public JsonObject ToJson() => new()
    {
        ["format"] = Format,
        ["by"] = By,
        ["requestedAt"] = CaseTime.Format(RequestedAt),
        ["localUser"] = LocalUser,
        ["host"] = Host,
    };

    /// <summary>The request in <paramref name="json"/>, or null when it is not a valid one.</summary>
    public static AckRequest? FromJson(JsonNode? json)
    {
        if (json is not JsonObject o || (string?)o["format"] != Format) return null;
        var by = o["by"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (!AckName.IsValid(by)) return null;
        if (!DateTimeOffset.TryParse((string?)o["requestedAt"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return null;
        return new AckRequest(by!.Trim(), at, Text(o["localUser"]), Text(o["host"]));
    }

    private static string Text(JsonNode? node)
    {
        var s = node is JsonValue v && v.TryGetValue<string>(out var t) ? t : "";
        return s.Length > 200 || s.Any(char.IsControl) ? "" : s;
    }
}
