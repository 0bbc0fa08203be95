using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.S3;
using Shodo.Range;
using Shodo.Range.State.Iam;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence.Collectors.S3;

/// <summary>
/// A bucket whose location S3 did not answer is not read in a region guessed for it. Found by CI: GetBucketLocation of a
/// bucket in ap-northeast-1 was throttled, its six reads then went to us-east-1 and were answered PermanentRedirect, and
/// those lasting gaps stayed in coverage.json after a resume had read the bucket whole (the response ended incomplete).
/// </summary>
public sealed class BucketLocationUnknownTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Only_the_location_is_a_gap_when_it_cannot_be_read_and_the_other_buckets_are_read_in_their_regions()
    {
        AccessKey key;
        lock (_range.State.Sync)
        {
            _range.State.CreateBucket("tokyo-exports", "ap-northeast-1");
            _range.State.CreateBucket("virginia-logs", "us-east-1");
            var user = _range.State.AddUser("no-location-responder");
            user.AttachedPolicyArns.Add(AwsManagedPolicies.ReadOnlyAccessArn);
            user.InlinePolicies["no-tokyo-location"] =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetBucketLocation","Resource":"arn:aws:s3:::tokyo-exports"}]}""";
            key = _range.State.AddAccessKey(user.UserName);
        }
        using var @case = Case.Open(_root);
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey), Region = "us-east-1", EndpointUrl = _range.Url,
            Retry = TestConnections.QuickRetry, RefusalSink = new JournalRefusalSink(@case.Journal),
        });

        var result = await new CollectionRunner(aws, @case, new CollectionOptions
        {
            Regions = ["us-east-1", "ap-northeast-1"], Collectors = [new S3BucketsCollector()],
        }).RunAsync();

        var tokyo = result.Gaps.Where(g => g.Parameters?["Bucket"]?.GetValue<string>() == "tokyo-exports").ToList();
        Assert.Equal(["GetBucketLocation"], tokyo.Select(g => g.Operation));
        Assert.Equal(GapKinds.AccessDenied, tokyo[0].Kind);
        Assert.DoesNotContain(result.Gaps, g => g.Code == "PermanentRedirect");
        Assert.DoesNotContain(result.Gaps, g => g.Parameters?["Bucket"]?.GetValue<string>() == "virginia-logs");
    }
}
