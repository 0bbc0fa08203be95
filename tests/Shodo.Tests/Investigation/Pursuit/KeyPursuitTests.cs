using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Investigation.Pursuit;
using Shodo.Range;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Investigation.Pursuit;

/// <summary>
/// The pursuit reads the leaked key's trail with no snapshot of the account: what it attributes from a few LookupEvents
/// reads is what the whole investigation attributes to the same identities — users, keys, sessions, instances (those its
/// Spot requests launched too), the snapshot it shared — so containment can start on it at once.
/// </summary>
public sealed class KeyPursuitTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task The_leaked_keys_trail_attributes_the_ground_truth_without_a_snapshot()
    {
        using var @case = Case.Open(_cases.Path, new CaseOptions { Title = "pursuit" });
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
        });
        var truth = _range.GroundTruth!;
        var regions = (await RegionDiscovery.EnabledAsync(aws, CancellationToken.None)).Select(r => r.Name).ToList();

        var pursuit = await new KeyPursuit(aws, @case, TimeProvider.System)
            .RunAsync(truth.LeakedAccessKeyId!, truth.LeakedUserName, null, regions, CancellationToken.None);

        Assert.Empty(pursuit.Gaps);
        var identities = pursuit.Identities.Select(i => i.Id).ToHashSet();
        Assert.Contains($"access-key:{truth.LeakedAccessKeyId}", identities);
        foreach (var user in truth.Users) Assert.Contains($"user:{user}", identities);
        var instances = pursuit.Resources.Where(r => r.Type == ResourceTypes.Instance).Select(r => r.ResourceId).ToHashSet();
        Assert.Equal(truth.Instances.Select(i => i.InstanceId).Order(), instances.Order()); // those its Spot requests launched too
        Assert.Contains(pursuit.Resources, r => r.Type == ResourceTypes.SharedDbSnapshot);
        Assert.All(pursuit.Resources.Where(r => r.Type == ResourceTypes.SpotRequest), r => Assert.NotNull((string?)r.Attributes["type"]));
    }
}
