using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Investigation;
using Shodo.Range;
using Shodo.Tests.Aws;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// leaked-key-compute-edges: the trail's home region is us-east-1, its log bucket is in ap-northeast-1, and S3 (the
/// range) answers a request signed for another region with 301 PermanentRedirect. The investigation reads the log
/// files in the bucket's own region, learned once per bucket.
/// </summary>
public sealed class TrailBucketInAnotherRegionTests(TrailBucketInAnotherRegionTests.ComputeEdgesCase scenario)
    : IClassFixture<TrailBucketInAnotherRegionTests.ComputeEdgesCase>
{
    private const string Bucket = "acme-render-cloudtrail-logs";

    public sealed class ComputeEdgesCase : ScenarioCase
    {
        protected override string Scenario => "leaked-key-compute-edges";
        protected override InvestigationOptions Options(RangeHost range) => new() { AccessKeyId = range.GroundTruth!.LeakedAccessKeyId };
    }

    [Fact]
    public void An_investigation_reads_the_log_files_of_a_trail_bucket_in_another_region_in_that_region()
    {
        Assert.Empty(scenario.Result.Gaps);
        lock (scenario.Range.State.Sync)
        {
            var (from, to) = scenario.FirstInvestigationCalls;
            var reads = scenario.Range.State.Calls.Skip(from).Take(to - from)
                .Where(c => c.Service == "s3" && c.RequestParameters?["bucketName"]?.GetValue<string>() == Bucket).ToList();
            Assert.Contains(reads, c => c.EventName == "GetObject" && c.ErrorCode is null);
            Assert.All(reads, c => Assert.Equal("ap-northeast-1", c.Region));
            Assert.DoesNotContain(reads, c => c.ErrorCode is not null);
        }
    }

    [Fact]
    public async Task A_bucket_region_is_asked_once_with_GetBucketLocation_and_kept()
    {
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(scenario.Range.Responder.AccessKeyId, scenario.Range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = scenario.Range.Url, Retry = TestConnections.QuickRetry,
        });
        int Asked()
        {
            lock (scenario.Range.State.Sync)
                return scenario.Range.State.Calls.Count(c => c.EventName == "GetBucketLocation" && c.Caller?.AccessKeyId == scenario.Range.Responder.AccessKeyId
                                                             && c.RequestParameters?["bucketName"]?.GetValue<string>() == Bucket);
        }
        var before = Asked();

        var first = await aws.BucketRegions.RegionOfAsync(Bucket, CancellationToken.None);
        var again = await aws.BucketRegions.RegionOfAsync(Bucket, CancellationToken.None);

        Assert.Equal("ap-northeast-1", first);
        Assert.Equal("ap-northeast-1", again);
        Assert.Equal(before + 1, Asked());
        Assert.Null(await aws.BucketRegions.RegionOfAsync("no-such-bucket-anywhere", CancellationToken.None));
    }
}
