using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Hosting;

/// <summary>The /_range/ admin endpoint: clock, faults, counters, state dump, save and load.</summary>
public sealed class AdminEndpointTests(RangeFixture fixture) : IClassFixture<RangeFixture>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Range.Url };

    private async Task<JsonElement> Send(HttpMethod method, string route, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var request = new HttpRequestMessage(method, "/_range/" + route);
        if (body is not null) request.Content = JsonContent.Create(body);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {route}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Clock_advances_and_is_set()
    {
        var before = DateTimeOffset.Parse((await Send(HttpMethod.Get, "clock")).GetProperty("now").GetString()!);
        var after = DateTimeOffset.Parse((await Send(HttpMethod.Post, "clock", new { advance = "PT2H" })).GetProperty("now").GetString()!);
        Assert.InRange(after - before, TimeSpan.FromHours(2), TimeSpan.FromHours(2.1));
        var set = DateTimeOffset.Parse((await Send(HttpMethod.Post, "clock", new { set = "2030-01-01T00:00:00Z" })).GetProperty("now").GetString()!);
        Assert.InRange(set - new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        await Send(HttpMethod.Post, "clock", new { advance = "-PT1H" }, HttpStatusCode.BadRequest);
        await Send(HttpMethod.Post, "clock", new { set = DateTimeOffset.UtcNow.ToString("O") });
    }

    [Fact]
    public async Task Faults_change_while_running()
    {
        var faults = await Send(HttpMethod.Post, "faults", new { latency = "realistic", throttleRate = 0.25, errorRate = 0.1 });
        Assert.Equal("realistic", faults.GetProperty("latency").GetString());
        Assert.Equal(0.25, fixture.Range.Faults.ThrottleRate);
        Assert.Equal(0.1, fixture.Range.Faults.ErrorRate);
        await Send(HttpMethod.Post, "faults", new { throttleRate = 2 }, HttpStatusCode.BadRequest);
        await Send(HttpMethod.Post, "faults", new { latency = "none", throttleRate = 0, errorRate = 0 });
        Assert.Equal(RangeLatency.None, fixture.Range.Faults.Latency);
    }

    [Fact]
    public async Task Counters_count_operations_callers_and_destructive_calls()
    {
        var name = fixture.Unique("temp");
        await fixture.Cli.OkAsync("iam", "create-user", "--user-name", name);
        await fixture.Cli.OkAsync("iam", "delete-user", "--user-name", name);
        await fixture.Cli.FailsWithAsync("NoSuchEntity", "iam", "delete-user", "--user-name", name);

        var counters = await Send(HttpMethod.Get, "counters");
        var responder = $"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/responder";
        Assert.True(counters.GetProperty("operations").GetProperty("iam:DeleteUser").GetInt32() >= 2);
        Assert.True(counters.GetProperty("callers").GetProperty(responder).GetInt32() >= 3);
        Assert.True(counters.GetProperty("destructive").GetProperty(responder).GetInt32() >= 1);
        Assert.True(counters.GetProperty("destructiveAttempts").GetProperty(responder).GetInt32() >= 2);
    }

    [Fact]
    public async Task State_dump_leaves_the_digest_signing_key_object_bytes_and_event_history_out()
    {
        var state = fixture.Range.State;
        var bucket = fixture.Unique("dump-trail-logs");
        state.CreateBucket(bucket);
        var body = "name,card\nyamada,4111111111111111\n"u8.ToArray();
        state.PutObject(bucket, "secret-ish.csv", body);
        var trail = state.CreateTrail(fixture.Unique("dump-trail"), bucket, startLoggingAt: state.Clock.Now);
        lock (state.Sync) trail.LogFileValidationEnabled = true;
        await fixture.Cli.OkAsync("sts", "get-caller-identity");
        Assert.NotEmpty(state.DeliverTrailLogs(bucket));
        var privateKey = Shodo.Range.State.RangeStateFile.Save(state)["cloudtrail"]!["signingKey"]!["privateKey"]!.GetValue<string>();

        var dump = await Send(HttpMethod.Get, "state");

        var text = dump.GetRawText();
        Assert.DoesNotContain(privateKey, text);
        Assert.DoesNotContain(Convert.ToBase64String(body), text);
        Assert.False(dump.GetProperty("cloudtrail").TryGetProperty("calls", out _));
        Assert.True(dump.GetProperty("calls").GetInt32() > 0);
    }

    [Fact]
    public async Task State_dump_leaves_secrets_out_and_save_load_restores_iam()
    {
        var dump = (await Send(HttpMethod.Get, "state")).GetRawText();
        Assert.Contains(fixture.Range.Responder.AccessKeyId, dump);
        Assert.DoesNotContain(fixture.Range.Responder.SecretAccessKey, dump);

        var file = Path.Combine(Path.GetTempPath(), $"shodo-range-{Guid.NewGuid():N}.json");
        try
        {
            await Send(HttpMethod.Post, "save", new { path = file });
            // The file keeps secrets (it restores a range); compare decoded strings, since JSON may escape '+' and '/'.
            using (var saved = JsonDocument.Parse(await File.ReadAllTextAsync(file)))
                Assert.Contains(fixture.Range.Responder.SecretAccessKey, Strings(saved.RootElement));
            var name = fixture.Unique("after-save");
            await fixture.Cli.OkAsync("iam", "create-user", "--user-name", name);

            await Send(HttpMethod.Post, "load", new { path = file });
            await fixture.Cli.FailsWithAsync("NoSuchEntity", "iam", "get-user", "--user-name", name);
            var me = await fixture.Cli.OkAsync("iam", "get-user", "--user-name", "RESPONDER");
            Assert.Equal("responder", me.GetProperty("User").GetProperty("UserName").GetString());
        }
        finally
        {
            File.Delete(file);
        }
        await Send(HttpMethod.Post, "load", new { path = "/nonexistent/state.json" }, HttpStatusCode.BadRequest);
        await Send(HttpMethod.Get, "nothing-here", expected: HttpStatusCode.NotFound);
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    public void Dispose() => _http.Dispose();
}
