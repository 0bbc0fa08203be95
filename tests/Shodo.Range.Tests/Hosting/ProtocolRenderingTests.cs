using System.Net;
using System.Text.Json;
using Shodo.Range.Serving;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Hosting;

public sealed class ProbeRangeFixture : RangeFixture
{
    protected override RangeOptions Options => new()
    {
        ExtraServices =
        [
            new ProbeService("probeq", AwsProtocol.Query, global: true), new ProbeService("probe2", AwsProtocol.Ec2),
            new ProbeService("probej", AwsProtocol.Json), new ProbeService("probes", AwsProtocol.RestXml),
        ],
    };
}

/// <summary>The dispatcher renders results and errors in each protocol's envelope and records every call.</summary>
public sealed class ProtocolRenderingTests(ProbeRangeFixture fixture) : IClassFixture<ProbeRangeFixture>
{
    private Task<HttpResponseMessage> Call(string service, string op, RangeCredentials? who = null)
    {
        var http = new SignedHttp(fixture.Range.Url, who ?? fixture.Range.Responder);
        return service switch
        {
            "probej" => http.PostAsync(service, "eu-west-3", "{}", "application/x-amz-json-1.1",
                new Dictionary<string, string> { ["X-Amz-Target"] = $"Probe_20200101.{op}" }),
            "probes" => http.GetAsync(service, "eu-west-3", "/" + op),
            _ => http.PostAsync(service, "eu-west-3", $"Action={op}&Version=2020-01-01"),
        };
    }

    private RangeCredentials NobodyKey()
    {
        var state = fixture.Range.State;
        lock (state.Sync)
        {
            var user = state.AddUser(fixture.Unique("nobody"));
            var key = state.AddAccessKey(user.UserName);
            return new RangeCredentials(key.AccessKeyId, key.SecretAccessKey);
        }
    }

    [Fact]
    public async Task Successes_have_each_protocols_envelope_and_request_id()
    {
        var query = await (await Call("probeq", "Ping")).Content.ReadAsStringAsync();
        Assert.Matches("""<PingResponse xmlns="urn:probe:probeq"><PingResult><Value>pong</Value></PingResult><ResponseMetadata><RequestId>[0-9a-f-]{36}</RequestId></ResponseMetadata></PingResponse>""", query);

        var ec2 = await (await Call("probe2", "Ping")).Content.ReadAsStringAsync();
        Assert.Matches("""<PingResponse xmlns="urn:probe:probe2"><requestId>[0-9a-f-]{36}</requestId><Value>pong</Value></PingResponse>""", ec2);

        var json = await Call("probej", "Ping");
        Assert.Equal("application/x-amz-json-1.1", json.Content.Headers.ContentType?.MediaType);
        Assert.True(json.Headers.Contains("x-amzn-RequestId"));
        Assert.Equal("pong", JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("Value").GetString());

        var s3 = await Call("probes", "Ping");
        Assert.True(s3.Headers.Contains("x-amz-request-id"));
        Assert.Contains("""<PingResult xmlns="urn:probe:probes"><Value>pong</Value></PingResult>""", await s3.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Service_errors_have_each_protocols_shape()
    {
        var query = await Call("probeq", "Fail");
        Assert.Equal(HttpStatusCode.NotFound, query.StatusCode);
        Assert.Matches("""<ErrorResponse xmlns="urn:probe:probeq"><Error><Type>Sender</Type><Code>NoSuchThing</Code><Message>The thing does not exist.</Message></Error><RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>""",
            await query.Content.ReadAsStringAsync());

        Assert.Matches("""<Response><Errors><Error><Code>NoSuchThing</Code><Message>The thing does not exist.</Message></Error></Errors><RequestID>[0-9a-f-]{36}</RequestID></Response>""",
            await (await Call("probe2", "Fail")).Content.ReadAsStringAsync());

        var json = JsonDocument.Parse(await (await Call("probej", "Fail")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("NoSuchThing", json.GetProperty("__type").GetString());
        Assert.Equal("The thing does not exist.", json.GetProperty("message").GetString());

        Assert.Matches("""<Error><Code>NoSuchThing</Code><Message>The thing does not exist.</Message><RequestId>[0-9a-f-]{36}</RequestId></Error>""",
            await (await Call("probes", "Fail")).Content.ReadAsStringAsync());

        Assert.Contains("<Code>InvalidAction</Code>", await (await Call("probeq", "Nope")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Denials_and_bad_keys_use_each_protocols_codes()
    {
        var nobody = NobodyKey();
        async Task<string> Body(string service) => await (await Call(service, "Ping", nobody)).Content.ReadAsStringAsync();
        Assert.Contains("<Code>AccessDenied</Code>", await Body("probeq"));
        var ec2 = await Call("probe2", "Ping", nobody);
        Assert.Equal(HttpStatusCode.Forbidden, ec2.StatusCode);
        var ec2Body = await ec2.Content.ReadAsStringAsync();
        Assert.Contains("<Code>UnauthorizedOperation</Code>", ec2Body);
        Assert.Contains("You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/nobody", ec2Body);
        Assert.Contains("\"__type\":\"AccessDeniedException\"", await Body("probej"));
        Assert.Contains("<Code>AccessDenied</Code>", await Body("probes"));

        var unknown = new RangeCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        async Task<string> Unknown(string service) => await (await Call(service, "Ping", unknown)).Content.ReadAsStringAsync();
        Assert.Contains("<Code>InvalidClientTokenId</Code>", await Unknown("probeq"));
        Assert.Contains("<Code>AuthFailure</Code>", await Unknown("probe2"));
        Assert.Contains("\"__type\":\"UnrecognizedClientException\"", await Unknown("probej"));
        Assert.Contains("<Code>InvalidAccessKeyId</Code>", await Unknown("probes"));
    }

    [Fact]
    public async Task Throttling_and_server_errors_use_each_protocols_codes()
    {
        var faults = fixture.Range.Faults;
        try
        {
            faults.ThrottleRate = 1;
            Assert.Contains("<Code>Throttling</Code>", await (await Call("probeq", "Ping")).Content.ReadAsStringAsync());
            var ec2 = await Call("probe2", "Ping");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ec2.StatusCode);
            Assert.Contains("<Code>RequestLimitExceeded</Code>", await ec2.Content.ReadAsStringAsync());
            Assert.Contains("\"__type\":\"ThrottlingException\"", await (await Call("probej", "Ping")).Content.ReadAsStringAsync());
            var s3 = await Call("probes", "Ping");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, s3.StatusCode);
            Assert.Contains("<Code>SlowDown</Code>", await s3.Content.ReadAsStringAsync());

            faults.ThrottleRate = 0;
            faults.ErrorRate = 1;
            var failed = await Call("probeq", "Ping");
            Assert.True((int)failed.StatusCode is 500 or 503);
            Assert.Contains("<Type>Receiver</Type>", await failed.Content.ReadAsStringAsync());

            faults.ErrorRate = 0;
            faults.ResetRate = 1;
            var probe = (ProbeService)fixture.Range.Dispatcher.Services.Single(s => s.Name == "probeq");
            var handled = probe.Handled;
            for (var i = 0; i < 20; i++)
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => Call("probeq", "Ping"));
            Assert.Equal(handled, probe.Handled); // a reset request never reaches the service: nothing was done
        }
        finally
        {
            faults.ThrottleRate = 0;
            faults.ErrorRate = 0;
            faults.ResetRate = 0;
        }
        Assert.Equal(HttpStatusCode.OK, (await Call("probeq", "Ping")).StatusCode);
    }

    /// <summary>Server errors as each service's reference lists them: IAM's own ServiceFailure, the common ServiceUnavailable for JSON services.</summary>
    [Fact]
    public async Task Injected_server_errors_use_each_services_own_codes()
    {
        var faults = fixture.Range.Faults;
        var iam = new HashSet<string>();
        var json = new HashSet<string>();
        try
        {
            faults.ErrorRate = 1;
            using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
            for (var i = 0; i < 24; i++)
            {
                var answer = await http.PostAsync("iam", "us-east-1", "Action=ListUsers&Version=2010-05-08");
                iam.Add(System.Xml.Linq.XElement.Parse(await answer.Content.ReadAsStringAsync()).Descendants().First(e => e.Name.LocalName == "Code").Value);
                var j = JsonDocument.Parse(await (await Call("probej", "Ping")).Content.ReadAsStringAsync());
                json.Add(j.RootElement.GetProperty("__type").GetString()!);
            }
        }
        finally
        {
            faults.ErrorRate = 0;
        }
        Assert.Equal(["ServiceFailure", "ServiceUnavailable"], iam.Order(StringComparer.Ordinal));
        Assert.Equal(["InternalFailure", "ServiceUnavailable"], json.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_handler_bug_is_an_InternalFailure_and_is_recorded()
    {
        var response = await Call("probeq", "Boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Code>InternalFailure</Code>", body);
        Assert.DoesNotContain("a bug in a handler", body);
        Assert.Contains(fixture.Range.State.Calls, c => c.EventName == "Boom" && c.ErrorCode == "InternalFailure");
        Assert.Contains("<Code>InternalError</Code>", await (await Call("probe2", "Boom")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_handler_bug_in_process_answers_as_on_the_wire_and_is_recorded()
    {
        var service = fixture.Range.Dispatcher.Services.First(s => s.Name == "probej");
        var request = Shodo.Range.Scenarios.ScenarioRequest.Build(service, "Boom", new Dictionary<string, object?>(),
            "eu-west-3", fixture.Range.State.AccountId, "203.0.113.9", "in-process-bug");

        var result = await fixture.Range.Dispatcher.InvokeAsync(request, fixture.Range.Responder);

        Assert.Equal("InternalFailure", result.Error?.Code);
        Assert.Equal(500, result.Error?.Status);
        Assert.DoesNotContain("a bug in a handler", result.Error?.Message);
        Assert.Equal(("Boom", "InternalFailure", "in-process-bug"), (result.Record.EventName, result.Record.ErrorCode, result.Record.UserAgent));
        Assert.Contains(result.Record, fixture.Range.State.Calls);
    }

    [Fact]
    public async Task An_unknown_service_in_process_answers_UnknownService_and_is_recorded()
    {
        var request = new AwsRequest
        {
            Method = "POST", Path = "/", Query = new Dictionary<string, string>(),
            Headers = new Microsoft.AspNetCore.Http.HeaderDictionary(), Body = [], Service = "nosuch",
            Region = "eu-west-3", Parameters = new Dictionary<string, string> { ["Action"] = "Ping" },
        };

        var result = await fixture.Range.Dispatcher.InvokeAsync(request, fixture.Range.Responder);

        Assert.Equal("UnknownService", result.Error?.Code);
        Assert.Equal(("nosuch", "Ping", "UnknownService"), (result.Record.Service, result.Record.EventName, result.Record.ErrorCode));
    }

    [Fact]
    public async Task Realistic_latency_delays_each_call()
    {
        fixture.Range.Faults.Latency = RangeLatency.Realistic;
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 3; i++) await Call("probeq", "Ping");
            Assert.True(watch.ElapsedMilliseconds >= 150, $"3 calls took {watch.ElapsedMilliseconds} ms");
        }
        finally
        {
            fixture.Range.Faults.Latency = RangeLatency.None;
        }
    }

    [Fact]
    public async Task Every_call_is_recorded_with_region_category_and_outcome()
    {
        await Call("probe2", "Ping");
        await Call("probes", "Read");
        await Call("probeq", "Fail");
        var calls = fixture.Range.State.Calls;
        var regional = calls.Last(c => c.Service == "probe2");
        Assert.Equal("eu-west-3", regional.Region);
        Assert.Equal("probe2.amazonaws.com", regional.EventSource);
        Assert.Equal("Management", regional.EventCategory);
        Assert.Equal("pong", regional.ResponseElements?["value"]?.GetValue<string>());
        Assert.Equal("Data", calls.Last(c => c.Service == "probes").EventCategory);
        var failed = calls.Last(c => c.Service == "probeq" && c.EventName == "Fail");
        Assert.Equal("us-east-1", failed.Region);
        Assert.Equal("NoSuchThing", failed.ErrorCode);
        Assert.Null(failed.ResponseElements);
        Assert.False(failed.ReadOnly);
    }
}
