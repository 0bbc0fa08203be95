using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.Ram;
using Shodo.Evidence.Snapshot;
using Shodo.Range;
using Shodo.Range.State.Ram;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence.Collectors;

/// <summary>
/// The AWS RAM collector against the range (REST-JSON through Shodo's thin client): each share the account owns comes
/// into the snapshot with its principals, the outside account marked external, and the resources it shares.
/// </summary>
public sealed class RamSharesCollectorTests : IAsyncLifetime
{
    private const string Outside = "999988887777";
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private (string Arn, string Subnet) Share(string region, string name, params (string Entity, bool External)[] principals)
    {
        var state = _range.State;
        lock (state.Sync)
        {
            var subnet = $"arn:aws:ec2:{region}:{state.AccountId}:subnet/{state.Ec2(region).Vpc.Subnets[0].SubnetId}";
            var share = new ResourceShare
            {
                Arn = $"arn:aws:ram:{region}:{state.AccountId}:resource-share/{Guid.NewGuid()}", Name = name, Region = region,
                OwningAccountId = state.AccountId, CreationTime = state.Clock.Now, LastUpdatedTime = state.Clock.Now,
            };
            share.Associations.Add(new ShareAssociation
            {
                Entity = subnet, Type = ShareAssociation.Resource, ResourceType = "ec2:Subnet", CreationTime = state.Clock.Now,
            });
            foreach (var (entity, external) in principals)
                share.Associations.Add(new ShareAssociation
                {
                    Entity = entity, Type = ShareAssociation.Principal, External = external, CreationTime = state.Clock.Now,
                });
            state.ResourceShares(region).Add(share);
            return (share.Arn, subnet);
        }
    }

    [Fact]
    public async Task A_share_to_an_outside_account_is_in_the_snapshot_with_its_external_principal_and_resource()
    {
        var (open, subnet) = Share("ap-northeast-1", "vpc-for-partner", (Outside, true));
        var (closed, _) = Share("us-east-1", "inside-only");

        using var @case = Case.Open(_root);
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            RefusalSink = new JournalRefusalSink(@case.Journal),
        });
        var result = await new CollectionRunner(aws, @case, new CollectionOptions
        {
            Regions = ["us-east-1", "ap-northeast-1", "eu-west-1"], Collectors = [new RamSharesCollector()],
        }).RunAsync();
        Assert.Empty(result.Gaps);

        var snapshot = await AccountSnapshot.BuildAsync(@case, CancellationToken.None);
        Assert.Empty(snapshot.Gaps);
        Assert.Equal([("ap-northeast-1", open), ("us-east-1", closed)], snapshot.ResourceShares.Select(r => (r.Region, r.Arn)).Order());
        var shared = snapshot.ResourceShares.Single(r => r.Arn == open);
        Assert.Equal("vpc-for-partner", shared.Name);
        Assert.Equal([subnet], shared.Resources);
        var outside = Assert.Single(shared.OpenToOutside);
        Assert.Equal((Outside, "ASSOCIATED"), (outside.Entity, outside.Status));
        Assert.NotNull(outside.Since);
        Assert.Empty(snapshot.ResourceShares.Single(r => r.Arn == closed).OpenToOutside);
    }
}
