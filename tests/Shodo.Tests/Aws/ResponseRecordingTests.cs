using System.Text;
using Amazon.EC2.Model;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Protocols;

namespace Shodo.Tests.Aws;

/// <summary>Raw answers are kept for evidence from both kinds of client while a recording is open.</summary>
public class ResponseRecordingTests
{
    private const string Regions =
        "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>ec2-r</requestId><regionInfo>" +
        "<item><regionName>us-east-1</regionName><optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>";

    [Fact]
    public async Task A_recording_keeps_the_exact_bytes_of_sdk_and_hand_written_answers()
    {
        await using var server = await AwsTestServer.StartAsync(r => r.Action == "DescribeRegions"
            ? Reply.Xml(Regions)
            : Reply.QueryResult("ListAccountAliases", "<AccountAliases><member>acme-prod</member></AccountAliases><IsTruncated>false</IsTruncated>"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        using var recording = ResponseRecording.Start();
        var regions = await aws.Ec2().DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true });
        var aliases = await aws.Iam().ListAllAsync(new ListAccountAliases());

        Assert.Equal("us-east-1", regions.Regions.Single().RegionName);
        Assert.Equal(["acme-prod"], aliases);
        var raw = recording.Responses;
        Assert.Equal(2, raw.Count);
        Assert.Equal(Regions, Encoding.UTF8.GetString(raw[0].Body));
        Assert.Contains("<member>acme-prod</member>", Encoding.UTF8.GetString(raw[1].Body));
        Assert.All(raw, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Answers_after_the_recording_is_closed_are_not_kept()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.QueryResult("GetAccountSummary", "<SummaryMap/>"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var outer = ResponseRecording.Start();
        using (var inner = ResponseRecording.Start())
        {
            await aws.Iam().SendAsync(new GetAccountSummary());
            Assert.Single(inner.Responses);
        }
        outer.Dispose();
        await aws.Iam().SendAsync(new GetAccountSummary());

        Assert.Single(outer.Responses);
        Assert.False(ResponseRecording.Active);
    }
}
