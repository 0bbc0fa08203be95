using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shodo.Trail.Archives;

namespace Shodo.Trail.Records;

/// <summary>
/// Turns one CloudTrail record (as a trail log file or LookupEvents' <c>CloudTrailEvent</c> holds it)
/// into a <see cref="TrailRecord"/>. Attacker-controlled input: never throws on content. A record with
/// no usable time, event name or event source is refused with a problem; a field of the wrong type or
/// of enormous size is left out of the normalised fields (the raw record keeps it) with a problem.
/// Region names and addresses are kept as written, even when they are not real ones.
/// </summary>
public static class TrailRecordParser
{
    /// <summary>Longest normalised string kept; CloudTrail itself caps most fields far below this.</summary>
    public const int MaxFieldLength = 8192;

    /// <summary>The record, or why it was refused; <see cref="TrailRecordParse.Notes"/> lists fields left out.</summary>
    public static TrailRecordParse Parse(JsonElement record, string source, long? index = null)
    {
        if (record.ValueKind != JsonValueKind.Object)
            return TrailRecordParse.Refused(new TrailProblem(source, index, TrailProblemKinds.BadRecord,
                $"the record is a JSON {Describe(record.ValueKind)}, not an object"));
        var fields = new FieldReader(record, source, index);
        var time = fields.Time("eventTime");
        var name = fields.Text("eventName");
        var eventSource = fields.Text("eventSource");
        var missing = new List<string>();
        if (time is null) missing.Add("eventTime");
        if (string.IsNullOrEmpty(name)) missing.Add("eventName");
        if (string.IsNullOrEmpty(eventSource)) missing.Add("eventSource");
        if (missing.Count > 0)
            return TrailRecordParse.Refused(new TrailProblem(source, index, TrailProblemKinds.BadRecord,
                $"the record has no usable {string.Join(", ", missing)}; it was skipped"), fields.Notes);

        var identity = record.TryGetProperty("userIdentity", out var id) && id.ValueKind == JsonValueKind.Object ? id : default;
        var who = new FieldReader(identity, source, index, "userIdentity.");
        var issuer = identity.ValueKind == JsonValueKind.Object
            && identity.TryGetProperty("sessionContext", out var sc) && sc.ValueKind == JsonValueKind.Object
            && sc.TryGetProperty("sessionIssuer", out var si) && si.ValueKind == JsonValueKind.Object ? si : default;

        var parsed = new TrailRecord
        {
            EventId = fields.Text("eventID") ?? DerivedId(record),
            EventTime = time!.Value,
            EventSource = eventSource!,
            EventName = name!,
            Region = fields.Text("awsRegion"),
            SourceIp = fields.Text("sourceIPAddress"),
            UserAgent = fields.Text("userAgent"),
            ErrorCode = fields.Text("errorCode"),
            ErrorMessage = fields.Text("errorMessage"),
            AccessKeyId = who.Text("accessKeyId"),
            PrincipalArn = who.Text("arn"),
            UserName = who.Text("userName") ?? new FieldReader(issuer, source, index, "sessionIssuer.").Text("userName"),
            IdentityType = who.Text("type"),
            AccountId = who.Text("accountId") ?? fields.Text("recipientAccountId"),
            ReadOnly = fields.Flag("readOnly"),
            EventCategory = fields.Text("eventCategory"),
            Source = source,
            Raw = record.Clone(),
        };
        return new TrailRecordParse(parsed, null, [.. fields.Notes, .. who.Notes]);
    }

    /// <summary>
    /// LookupEvents returns each record as a JSON string in <c>CloudTrailEvent</c>; parse it (bounded
    /// by <paramref name="maxBytes"/>) and then as any other record.
    /// </summary>
    public static TrailRecordParse ParseLookupEvent(string? cloudTrailEvent, string source, long? index = null,
        int maxBytes = 4 * 1024 * 1024)
    {
        if (string.IsNullOrEmpty(cloudTrailEvent))
            return TrailRecordParse.Refused(new TrailProblem(source, index, TrailProblemKinds.BadRecord,
                "the event has no CloudTrailEvent text"));
        if (Encoding.UTF8.GetByteCount(cloudTrailEvent) > maxBytes)
            return TrailRecordParse.Refused(new TrailProblem(source, index, TrailProblemKinds.RecordTooLarge,
                $"the CloudTrailEvent text is larger than {maxBytes} bytes; it was skipped"));
        try
        {
            using var document = JsonDocument.Parse(cloudTrailEvent, new JsonDocumentOptions { MaxDepth = TrailLogReadOptions.MaxDepth });
            if (TrailRecordText.Problem(JsonMarshal.GetRawUtf8Value(document.RootElement)) is { } notText)
                return TrailRecordParse.Refused(new TrailProblem(source, index, TrailProblemKinds.InvalidText, $"{notText}; it was skipped"));
            return Parse(document.RootElement, source, index);
        }
        catch (JsonException e)
        {
            return TrailRecordParse.Refused(new TrailProblem(source, index, TrailProblemKinds.BadRecord,
                $"the CloudTrailEvent text is not valid JSON ({e.Message})"));
        }
        catch (ArgumentException)
        {
            // A .NET string with an unpaired surrogate cannot be turned into UTF-8 JSON.
            return TrailRecordParse.Refused(new TrailProblem(source, index, TrailProblemKinds.InvalidText,
                "the CloudTrailEvent text holds a surrogate with no partner; it was skipped"));
        }
    }

    /// <summary>A stable id for a record that has none: the SHA-256 of its text, so duplicates still merge.</summary>
    private static string DerivedId(JsonElement record) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(JsonMarshal.GetRawUtf8Value(record)))[..32];

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    /// <summary>Reads optional fields of one object, noting the ones of the wrong type or size.</summary>
    private sealed class FieldReader(JsonElement obj, string source, long? index, string prefix = "")
    {
        public List<TrailProblem> Notes { get; } = [];

        public string? Text(string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
            string? text = v.ValueKind switch
            {
                JsonValueKind.String => String(v) ?? Ignore(name, "is not valid Unicode text"),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                JsonValueKind.Null => null,
                _ => Ignore(name, $"is a JSON {Describe(v.ValueKind)}, not a string"),
            };
            if (text is { Length: > MaxFieldLength })
                return Ignore(name, $"is {text.Length} characters long (over {MaxFieldLength})");
            return text;
        }

        public DateTimeOffset? Time(string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var seconds) && double.IsFinite(seconds)
                && Math.Abs(seconds) < 253402300799)
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            if (v.ValueKind == JsonValueKind.String && String(v) is { Length: <= 64 } s
                && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
                return d;
            Ignore(name, "is not a time");
            return null;
        }

        public bool? Flag(string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            if (v.ValueKind == JsonValueKind.String && bool.TryParse(String(v), out var b)) return b;
            if (v.ValueKind != JsonValueKind.Null) Ignore(name, "is not true or false");
            return null;
        }

        /// <summary>The string, or null when it is not text .NET can hold (bytes that are not UTF-8, a lone surrogate).</summary>
        private static string? String(JsonElement v)
        {
            try { return v.GetString(); }
            catch (InvalidOperationException) { return null; }
        }

        private string? Ignore(string name, string why)
        {
            Notes.Add(new TrailProblem(source, index, TrailProblemKinds.FieldIgnored, $"field {prefix}{name} {why}; it was left out"));
            return null;
        }
    }
}

/// <summary>
/// What <see cref="TrailRecordParser"/> made of one record: the record, or the problem that refused
/// it; <see cref="Notes"/> are fields it left out of a record it still used.
/// </summary>
public sealed record TrailRecordParse(TrailRecord? Record, TrailProblem? Problem, IReadOnlyList<TrailProblem> Notes)
{
    public static TrailRecordParse Refused(TrailProblem problem, IReadOnlyList<TrailProblem>? notes = null) =>
        new(null, problem, notes ?? []);

    /// <summary>The refusal (if any) and the notes, in that order.</summary>
    public IEnumerable<TrailProblem> AllProblems => Problem is null ? Notes : [Problem, .. Notes];
}
