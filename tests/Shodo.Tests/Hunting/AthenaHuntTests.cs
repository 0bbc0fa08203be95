using Microsoft.Extensions.Time.Testing;
using Shodo.Aws.Athena;
using Shodo.Diagnostics;
using Shodo.Hunting;
using Shodo.Sigma;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Hunting;

/// <summary>
/// The Athena hunt against a local HTTP server speaking Athena's JSON 1.1: start the compiled query,
/// wait for it, page the results, and turn rows into matches of the right rules.
/// </summary>
public sealed class AthenaHuntTests
{
    private static readonly SigmaRule Rule = HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn).First(r => r.Title.Contains("CloudTrail", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Starts_the_query_waits_and_pages_results_into_matches()
    {
        var header = """{"Data":[{"VarCharValue":"rule_id"},{"VarCharValue":"eventid"},{"VarCharValue":"eventtime"},{"VarCharValue":"eventname"},{"VarCharValue":"eventsource"},{"VarCharValue":"awsregion"},{"VarCharValue":"sourceipaddress"},{"VarCharValue":"principalarn"}]}""";
        string Row(string id) => "{\"Data\":[{\"VarCharValue\":\"" + Rule.Id + "\"},{\"VarCharValue\":\"" + id +
            "\"},{\"VarCharValue\":\"2026-11-27T10:00:00Z\"},{\"VarCharValue\":\"StopLogging\"},{\"VarCharValue\":\"cloudtrail.amazonaws.com\"}," +
            "{\"VarCharValue\":\"us-east-1\"},{\"VarCharValue\":\"203.0.113.9\"},{}]}";
        var polls = 0;
        await using var server = await AwsTestServer.StartAsync(r => r.Action switch
        {
            "StartQueryExecution" => Reply.Json("""{"QueryExecutionId":"q-1"}"""),
            "GetQueryExecution" => Reply.Json(++polls < 3
                ? """{"QueryExecution":{"Status":{"State":"RUNNING"}}}"""
                : """{"QueryExecution":{"Status":{"State":"SUCCEEDED"},"Statistics":{"DataScannedInBytes":1048576}}}"""),
            "GetQueryResults" when !r.Body.Contains("NextToken") => Reply.Json("{\"ResultSet\":{\"Rows\":[" + header + "," + Row("e-1") + "]},\"NextToken\":\"p2\"}"),
            "GetQueryResults" => Reply.Json("{\"ResultSet\":{\"Rows\":[" + Row("e-2") + "]}}"),
            _ => Reply.Json("{}", 400),
        });
        using var aws = await TestConnections.OpenAsync(server.Url);
        var sink = new List<HuntMatch>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var hunt = new AthenaHunt(aws.Json(AthenaOperations.Service),
            new AthenaHuntSettings("cloudtrail_logs", "security", "s3://results/", "primary") { PollEvery = TimeSpan.Zero }, time);

        var result = await hunt.RunAsync([Rule], null, null, new ListSink(sink));

        Assert.Equal("q-1", result.QueryExecutionId);
        Assert.Equal(["e-1", "e-2"], sink.Select(m => m.EventId));
        Assert.All(sink, m => Assert.Same(Rule, m.Rule));
        Assert.Null(sink[0].PrincipalArn);
        Assert.Equal(1048576, result.DataScannedInBytes);
        var start = server.Requests.First(r => r.Action == "StartQueryExecution");
        Assert.Equal("AmazonAthena.StartQueryExecution", start.Header("X-Amz-Target"));
        Assert.Contains("FROM cloudtrail_logs", start.Body);
        Assert.Contains("\"Database\":\"security\"", start.Body);
        Assert.Contains("\"OutputLocation\":\"s3://results/\"", start.Body);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task A_failed_query_is_a_clear_error_with_athenas_reason()
    {
        await using var server = await AwsTestServer.StartAsync(r => r.Action == "StartQueryExecution"
            ? Reply.Json("""{"QueryExecutionId":"q-9"}""")
            : Reply.Json("""{"QueryExecution":{"Status":{"State":"FAILED","StateChangeReason":"TABLE_NOT_FOUND: cloudtrail_logs"}}}"""));
        using var aws = await TestConnections.OpenAsync(server.Url);
        var hunt = new AthenaHunt(aws.Json(AthenaOperations.Service), new AthenaHuntSettings("cloudtrail_logs", null, null, null), TimeProvider.System);

        var error = await Assert.ThrowsAsync<ShodoException>(() => hunt.RunAsync([Rule], null, null, new ListSink([])));

        Assert.Contains("TABLE_NOT_FOUND", error.Message);
        Assert.Contains("q-9", error.Message);
    }

    private sealed class ListSink(List<HuntMatch> list) : IHuntMatchSink
    {
        public void Write(HuntMatch match) { lock (list) list.Add(match); }
    }
}
