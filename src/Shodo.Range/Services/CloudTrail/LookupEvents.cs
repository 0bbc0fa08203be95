using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// LookupEvents: the region's management events of the last 90 days, newest first, at most 50 a page,
/// filtered by one lookup attribute and a time range; 2 calls per second per region. An event appears only once
/// <see cref="RangeState.EventDelay"/> has passed since its call, as CloudTrail's do minutes after theirs.
/// </summary>
internal sealed class LookupEvents : CloudTrailAction
{
    public override string Name => "LookupEvents";
    public override bool ReadOnly => true;
    public static readonly TimeSpan History = TimeSpan.FromDays(90);
    public const int MaxPage = 50;

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var state = call.State;
        if (!state.LookupRate.TryAcquire(call.Region, call.Now))
            throw new AwsError("ThrottlingException", "Rate exceeded");

        var filter = LookupAttributeFilter.From(input);
        var start = CloudTrailJson.Time(input, "StartTime");
        var end = CloudTrailJson.Time(input, "EndTime");
        if (start is not null && end is not null && start > end)
            throw new AwsError("InvalidTimeRangeException", "Start time must be before end time.");
        var max = MaxResults(input);
        var category = CloudTrailJson.String(input, "EventCategory");
        if (category is not null && category != "insight")
            throw new AwsError("InvalidEventCategoryException", $"Event category {category} is not valid.");

        var query = $"{filter?.Key}={filter?.Value};{start?.UtcTicks};{end?.UtcTicks};{category}";
        var token = CloudTrailJson.String(input, "NextToken") is { } t ? LookupNextToken.Decode(t, query) : (LookupNextToken?)null;
        if (category == "insight") return new JsonObject { ["Events"] = new JsonArray() };

        var earliest = call.Now - History;
        if (start is null || start < earliest) start = earliest;
        var page = Newest(state.Calls, LookupRegionIndex.Of(state.Calls, call.Region), max + 1, c =>
            c.EventCategory == "Management" && c.Region == call.Region && c.Time >= start && state.Delivered(c, call.Now)
            && (end is null || c.Time <= end) && (filter is null || filter.Matches(c)), token);

        var events = new JsonArray();
        foreach (var (record, _) in page.Take(max)) events.Add(Event(record, state.AccountId));
        var output = new JsonObject { ["Events"] = events };
        if (page.Count > max)
        {
            var (last, index) = page[max - 1];
            output["NextToken"] = new LookupNextToken(last.Time.UtcTicks, index, query).Encode();
        }
        return output;
    }

    private static int MaxResults(JsonObject input)
    {
        if (input["MaxResults"] is not JsonValue v) return MaxPage;
        if (!v.TryGetValue<int>(out var max) || max < 1 || max > MaxPage)
            throw new AwsError("InvalidMaxResultsException", "Value for parameter maxResults must be between 1 and 50.");
        return max;
    }

    /// <summary>The <paramref name="count"/> newest matching calls (of those at <paramref name="positions"/>) after the token's position, newest first.</summary>
    private static List<(CallRecord Record, int Index)> Newest(List<CallRecord> calls, IReadOnlyList<int> positions, int count,
        Func<CallRecord, bool> matches, LookupNextToken? after)
    {
        var heap = new PriorityQueue<int, (long, int)>();
        foreach (var i in positions)
        {
            var c = calls[i];
            var position = (c.Time.UtcTicks, i);
            if (after is { } a && position.CompareTo((a.Ticks, a.Index)) >= 0) continue;
            if (heap.Count == count && heap.TryPeek(out _, out var smallest) && position.CompareTo(smallest) <= 0) continue;
            if (!matches(c)) continue;
            heap.Enqueue(i, position);
            if (heap.Count > count) heap.Dequeue();
        }
        var result = new List<(CallRecord, int)>(heap.Count);
        while (heap.TryDequeue(out var index, out _)) result.Add((calls[index], index));
        result.Reverse();
        return result;
    }

    private static JsonObject Event(CallRecord record, string accountId)
    {
        var e = new JsonObject
        {
            ["EventId"] = record.EventId,
            ["EventName"] = record.EventName,
            ["ReadOnly"] = record.ReadOnly ? "true" : "false",
        };
        if (record.Caller is not null) e["AccessKeyId"] = record.Caller.AccessKeyId;
        e["EventTime"] = CloudTrailJson.Epoch(record.Time);
        e["EventSource"] = record.EventSource;
        if (UserIdentity.Username(record.Caller) is { } user) e["Username"] = user;
        e["Resources"] = new JsonArray(EventResources.Of(record)
            .Select(r => (JsonNode)new JsonObject { ["ResourceType"] = r.Type, ["ResourceName"] = r.Name }).ToArray());
        e["CloudTrailEvent"] = CloudTrailRecord.From(record, accountId).ToJsonString();
        return e;
    }
}
