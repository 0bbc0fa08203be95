using System.Globalization;
using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// One line of <c>journal.jsonl</c>. <see cref="Hash"/> is the SHA-256 (lower-case hex) of the
/// <see cref="CanonicalJson"/> encoding of the entry without its <c>hash</c> member; <see cref="Prev"/>
/// is the previous entry's hash, or <see cref="Genesis"/> for the first entry. The line itself is the
/// canonical encoding of the entry with its hash, followed by <c>\n</c>.
/// </summary>
public sealed record JournalEntry(
    long Seq,
    DateTimeOffset Time,
    Actor Actor,
    string Kind,
    JsonObject Data,
    string? Why,
    string Prev,
    string Hash)
{
    /// <summary>The <c>prev</c> of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The entry as written, with its hash.</summary>
    public JsonObject ToJson()
    {
        var json = Body(Seq, Time, Actor, Kind, Data, Why, Prev);
        json["hash"] = Hash;
        return json;
    }

    internal static JsonObject Body(long seq, DateTimeOffset time, Actor actor, string kind, JsonObject data, string? why, string prev)
    {
        var json = new JsonObject
        {
            ["seq"] = seq,
            ["time"] = CaseTime.Format(time),
            ["actor"] = actor.ToJson(),
            ["kind"] = kind,
            ["data"] = data.DeepClone(),
            ["prev"] = prev,
        };
        if (why is not null) json["why"] = why;
        return json;
    }

    /// <summary>The hash of an entry: SHA-256 of the canonical encoding of everything but <c>hash</c>.</summary>
    public static string ComputeHash(JsonObject entry)
    {
        var body = entry.DeepClone().AsObject();
        body.Remove("hash");
        return ContentHash.Sha256(CanonicalJson.Encode(body));
    }

    public static JournalEntry FromJson(JsonObject json) => new(
        (long)json["seq"]!,
        DateTimeOffset.Parse((string)json["time"]!, CultureInfo.InvariantCulture),
        Actor.FromJson(json["actor"]),
        (string)json["kind"]!,
        json["data"]!.DeepClone().AsObject(),
        (string?)json["why"],
        (string)json["prev"]!,
        (string)json["hash"]!);
}
