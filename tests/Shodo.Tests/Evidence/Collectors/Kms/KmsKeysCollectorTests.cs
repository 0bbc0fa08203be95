using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.Kms;
using Shodo.Evidence.Snapshot;
using Shodo.Range;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence.Collectors.Kms;

/// <summary>
/// KMS keys, their policies and grants recorded from the range into the typed snapshot: in leaked-key-cryptomining the
/// key that encrypts the shared EBS snapshot carries the attacker's grant to the outside account.
/// </summary>
public sealed class KmsKeysCollectorTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_key_of_the_shared_snapshot_is_recorded_with_its_policy_and_the_outside_grant_and_other_regions_have_none()
    {
        var named = Assert.Single(_range.GroundTruth!.KmsGrants);
        using var @case = Case.Open(_root, new CaseOptions { Title = "kms collect" });
        using (var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
               {
                   Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
                   Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
               }))
        {
            await new CollectionRunner(aws, @case, new CollectionOptions
            {
                Collectors = [new KmsKeysCollector()], Regions = ["ap-northeast-1", "us-east-1"],
            }).RunAsync();
        }

        var snapshot = await AccountSnapshot.BuildAsync(@case, default);
        var key = Assert.Single(snapshot.KmsKeys);
        Assert.Equal(("ap-northeast-1", named.KeyId, "CUSTOMER", "Enabled"), (key.Region, key.KeyId, key.KeyManager, key.KeyState));
        Assert.Contains($"arn:aws:iam::{_range.GroundTruth!.AccountId}:root", key.Policy);
        var grant = Assert.Single(key.Grants);
        Assert.Equal((named.GrantId, "arn:aws:iam::444455556666:root"), (grant.GrantId, grant.GranteePrincipal));
        Assert.Equal(["Decrypt", "DescribeKey", "CreateGrant", "ReEncryptFrom"], grant.Operations);
        Assert.Equal($"arn:aws:iam::{_range.GroundTruth!.AccountId}:root", grant.IssuingAccount);
        Assert.NotNull(grant.CreationDate);
        Assert.Empty(snapshot.Gaps);
    }
}
