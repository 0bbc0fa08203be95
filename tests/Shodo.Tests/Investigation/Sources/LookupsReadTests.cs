using System.Text.Json;
using Shodo.Investigation.Sources.Lookup;
using Shodo.Trail;
using Shodo.Trail.Lookup;
using Shodo.Trail.Records;

namespace Shodo.Tests.Investigation.Sources;

/// <summary>
/// A LookupEvents read remembered by the response is not asked for again: only from the delivery margin before the newest
/// event it saw (by the trail's clock), and only when the earlier read covered the window's start.
/// </summary>
public sealed class LookupsReadTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    private static TrailRecord Event(string id, DateTimeOffset at) => new()
    {
        EventId = id, EventTime = at, EventSource = "iam.amazonaws.com", EventName = "CreateUser", Source = "test",
        Raw = JsonDocument.Parse("{}").RootElement,
    };

    [Fact]
    public void A_later_read_asks_only_from_the_delivery_margin_before_the_newest_event_seen_and_keeps_the_rest()
    {
        var read = new LookupsRead();
        var since = Now.AddHours(-3);
        var records = new[] { Event("a", Now.AddHours(-2)), Event("b", Now.AddMinutes(-40)) };
        read.Remember(LookupQuery.Everything(new TrailWindow(since, null)), "us-east-1", Now, records);

        var cover = read.Cover(LookupQuery.Everything(new TrailWindow(Now.AddHours(-1), null)), "us-east-1");

        Assert.NotNull(cover);
        // The trail's newest event (40 minutes ago), not our clock, less CloudTrail's 15 minutes.
        Assert.Equal(Now.AddMinutes(-40) - LookupsRead.DeliveryMargin, cover.Value.Remaining.Window.Since);
        Assert.Null(cover.Value.Remaining.Window.Until);
        Assert.Equal(["b"], cover.Value.Known.Select(r => r.EventId));
    }

    [Fact]
    public void An_earlier_start_another_query_or_region_a_bounded_window_or_an_empty_read_is_read_in_full()
    {
        var read = new LookupsRead();
        var window = new TrailWindow(Now.AddHours(-1), null);
        read.Remember(LookupQuery.AccessKey("AKIAEXAMPLE", window), "us-east-1", Now, [Event("a", Now.AddMinutes(-30))]);
        read.Remember(LookupQuery.Everything(window), "eu-west-1", Now, []);

        Assert.Null(read.Cover(LookupQuery.AccessKey("AKIAEXAMPLE", new TrailWindow(Now.AddHours(-2), null)), "us-east-1"));
        Assert.Null(read.Cover(LookupQuery.AccessKey("AKIAOTHER", window), "us-east-1"));
        Assert.Null(read.Cover(LookupQuery.AccessKey("AKIAEXAMPLE", window), "us-west-2"));
        Assert.Null(read.Cover(LookupQuery.AccessKey("AKIAEXAMPLE", new TrailWindow(Now.AddHours(-1), Now)), "us-east-1"));
        Assert.Null(read.Cover(LookupQuery.Everything(window), "eu-west-1"));
        Assert.NotNull(read.Cover(LookupQuery.AccessKey("AKIAEXAMPLE", window), "us-east-1"));
    }
}
