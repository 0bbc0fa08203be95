using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Scenarios;
using Shodo.Range.Serving;

namespace Shodo.Range.Tests.Scenarios;

/// <summary>
/// LookupEvents served by the range's own pipeline in-process (as the responder), following
/// NextToken and stepping the simulated clock a second between calls to stay under AWS's 2 per second.
/// For checks across every region, where starting the AWS CLI 19 times would make tests slow.
/// </summary>
public static class InProcessLookup
{
    public static async Task<List<JsonElement>> EventsAsync(RangeHost range, string region, DateTimeOffset start)
    {
        var service = range.Dispatcher.Services.First(s => s.Name == "cloudtrail");
        var events = new List<JsonElement>();
        string? token = null;
        do
        {
            range.State.Clock.Advance(TimeSpan.FromSeconds(1));
            var input = new Dictionary<string, object?>
            {
                ["StartTime"] = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            };
            if (token is not null) input["NextToken"] = token;
            var request = ScenarioRequest.Build(service, "LookupEvents", input, region, range.State.AccountId, "127.0.0.1", "test");
            var result = await range.Dispatcher.InvokeAsync(request, range.Responder);
            Assert.Null(result.Error);
            var body = (JsonObject)((JsonResult)result.Response!).Body!;
            foreach (var e in body["Events"]!.AsArray())
                events.Add(JsonDocument.Parse(e!["CloudTrailEvent"]!.GetValue<string>()).RootElement);
            token = body["NextToken"]?.GetValue<string>();
        } while (token is not null);
        return events;
    }
}
