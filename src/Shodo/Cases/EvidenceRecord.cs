using System.Globalization;
using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// One stored piece of evidence, as written to <c>evidence/index.jsonl</c> and to the journal's
/// <c>evidence.stored</c> entry. <see cref="Sha256"/> is the hash of the (redacted) raw bytes and
/// names the blob; <see cref="BlobSha256"/> is the hash of the gzip file on disk, so any change to
/// the file — even in gzip header bytes a decompressor ignores — is detected.
/// </summary>
public sealed record EvidenceRecord(
    string Sha256,
    string BlobSha256,
    long Size,
    long StoredSize,
    string Service,
    string Operation,
    string? Region,
    JsonObject? Parameters,
    int? Page,
    string? ContentType,
    string? CallerArn,
    DateTimeOffset Time,
    int Redactions)
{
    /// <summary><c>gzip</c> when the content arrived gzip-compressed and was decoded before redaction.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>The blob's path relative to the case folder.</summary>
    public string Path => CaseFileNames.Blob(Sha256);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["sha256"] = Sha256,
            ["blobSha256"] = BlobSha256,
            ["path"] = Path,
            ["size"] = Size,
            ["storedSize"] = StoredSize,
            ["service"] = Service,
            ["operation"] = Operation,
            ["time"] = CaseTime.Format(Time),
            ["redactions"] = Redactions,
        };
        if (Region is not null) json["region"] = Region;
        if (Parameters is not null) json["parameters"] = Parameters.DeepClone();
        if (Page is not null) json["page"] = Page;
        if (ContentType is not null) json["contentType"] = ContentType;
        if (CallerArn is not null) json["callerArn"] = CallerArn;
        if (ContentEncoding is not null) json["contentEncoding"] = ContentEncoding;
        return json;
    }

    public static EvidenceRecord FromJson(JsonNode json) => new(
        (string)json["sha256"]!,
        (string)json["blobSha256"]!,
        (long)json["size"]!,
        (long)json["storedSize"]!,
        (string)json["service"]!,
        (string)json["operation"]!,
        (string?)json["region"],
        json["parameters"]?.DeepClone().AsObject(),
        (int?)json["page"],
        (string?)json["contentType"],
        (string?)json["callerArn"],
        DateTimeOffset.Parse((string)json["time"]!, CultureInfo.InvariantCulture),
        (int?)json["redactions"] ?? 0)
    {
        ContentEncoding = (string?)json["contentEncoding"],
    };
}
