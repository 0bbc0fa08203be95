using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Shodo.Trail.Digests;

namespace Shodo.Evidence;

/// <summary>
/// coverage.json as written and read (<see cref="CoverageFile"/>): collect's part (when it ran, whether complete or
/// cancelled, the regions, the collectors and their operations, the evidence stored, every failed call) and the
/// investigation's part (<see cref="Investigation"/>). A case the investigation reached before any collection holds only
/// the format and the investigation's part, so collect's members are optional.
/// </summary>
public sealed record CoverageDocument
{
    /// <summary>camelCase, nulls omitted (members that keep a null say so), gaps and digest outcomes as they have always been written.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new CoverageGapJson(), new TrailDigestOutcomeJson() },
    };

    public string Format { get; init; } = CoverageFile.Format;
    public string? StartedAt { get; init; }
    public string? FinishedAt { get; init; }
    public bool? Complete { get; init; }
    public bool? Cancelled { get; init; }
    public IReadOnlyList<string>? Regions { get; init; }
    public IReadOnlyList<CoverageCollector>? Collectors { get; init; }
    public int? EvidenceStored { get; init; }
    public IReadOnlyList<CoverageGap>? Gaps { get; init; }
    public CoverageInvestigation? Investigation { get; init; }

    /// <summary>Whether a collection wrote this document and ran to its end (not cancelled).</summary>
    [JsonIgnore] public bool CollectionFinished => StartedAt is not null && Cancelled == false;
}

/// <summary>One collector that ran: its name, global or regional, and the operations it calls.</summary>
public sealed record CoverageCollector(string Name, string Scope, IReadOnlyList<string> Operations);

/// <summary>
/// The investigation's part of coverage.json: whether every source was read, the records read, whether LookupEvents was a
/// source, the trail buckets read, what each archive's digests established, and every gap.
/// </summary>
public sealed record CoverageInvestigation
{
    /// <summary>Absent (an older writer): not known to be incomplete.</summary>
    public bool? Complete { get; init; }
    public int Records { get; init; }
    public bool LookupEvents { get; init; } = true;
    public IReadOnlyList<string> LogBucketsRead { get; init; } = [];
    public IReadOnlyList<TrailDigestOutcome> Digests { get; init; } = [];
    public IReadOnlyList<CoverageSourceGap> Gaps { get; init; } = [];
    /// <summary>A member account's: whether its events were read from the parent's organisation trail or by LookupEvents, and why; absent for any other.</summary>
    public CoverageOrganizationTrail? OrganizationTrail { get; init; }
}

/// <summary>
/// Where a member account's events were read from (issue 21, item 4): <see cref="Reason"/> (organization-trail, or why
/// LookupEvents was read instead); the trail; the member's folder of it (<c>s3://bucket/[prefix/]AWSLogs/o-ID/MEMBER/</c>)
/// and the account whose connection read it.
/// </summary>
public sealed record CoverageOrganizationTrail(string Reason, string? Trail, string? Folder, string? ReadAs)
{
    /// <summary>Whether the member's own DescribeTrails listed the trail (CloudTrail's shadow of it in every member account).</summary>
    public bool? SeenInAccount { get; init; }

    /// <summary>Whether it logs, as <see cref="LoggingSeenBy"/> saw it; absent when no account could tell.</summary>
    public bool? Logging { get; init; }

    /// <summary>
    /// The account whose GetTrailStatus told <see cref="Logging"/>: the member's own (by the trail's ARN), else the management
    /// account's, through which the trail was found logging.
    /// </summary>
    public string? LoggingSeenBy { get; init; }

    /// <summary>
    /// When reading the member's folder of the trail failed: the source read instead (the member's own LookupEvents), the folder
    /// that failed and AWS's answer; absent when the folder was read.
    /// </summary>
    public CoverageEventsFallback? Fallback { get; init; }
}

/// <summary>
/// A source of events that failed and the one read instead (issue 21): <see cref="Used"/> (LookupEvents), <see cref="Failed"/>
/// (the organisation trail's folder of the account) and what reading it met: the gap's kind, AWS's error code (or the trail
/// problem's kind) and its message. A digest that does not verify, or a log file changed after delivery, is also kept as a gap.
/// </summary>
public sealed record CoverageEventsFallback(string Used, string Failed, string Kind, string? Code, string Answer);

/// <summary>Something an event source could not read, as coverage.json holds it (region and code written even when null).</summary>
public sealed record CoverageSourceGap(
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Region,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code,
    string Message);

/// <summary>A <see cref="CoverageGap"/> in the shape the journal's <c>collect.gap</c> entries share (<see cref="CoverageGap.ToJson"/>).</summary>
internal sealed class CoverageGapJson : JsonConverter<CoverageGap>
{
    public override CoverageGap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonNode.Parse(ref reader) is JsonObject json ? CoverageGap.FromJson(json) : throw new JsonException("A coverage gap is not a JSON object.");

    public override void Write(Utf8JsonWriter writer, CoverageGap value, JsonSerializerOptions options) => value.ToJson().WriteTo(writer);
}

/// <summary>A <see cref="TrailDigestOutcome"/> in the shape hunt's output shares (<see cref="TrailDigestOutcome.ToJson"/>).</summary>
internal sealed class TrailDigestOutcomeJson : JsonConverter<TrailDigestOutcome>
{
    public override TrailDigestOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TrailDigestOutcome.FromJson(JsonNode.Parse(ref reader)) ?? throw new JsonException("A digest outcome names no location.");

    public override void Write(Utf8JsonWriter writer, TrailDigestOutcome value, JsonSerializerOptions options) => value.ToJson().WriteTo(writer);
}
