using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Adversary;

/// <summary>
/// The live adversary keeps succeeding while its keys work and stops succeeding once the responder,
/// with the real AWS CLI, sets every key it holds Inactive and puts a deny-all policy conditioned on
/// aws:TokenIssueTime on the users (which also reaches the session tokens minted before).
/// </summary>
public sealed class LiveAdversaryTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private AwsCli _responder = null!;

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions
        {
            Port = 0, Scenario = "leaked-key-cryptomining", Adversary = true,
            AdversaryInterval = Timeout.InfiniteTimeSpan, Seed = 3,
        });
        _responder = new AwsCli(_range.Url, _range.Responder);
    }

    public async Task DisposeAsync() => await _range.DisposeAsync();

    [Fact]
    public async Task Its_successful_calls_grow_until_containment_and_then_stop()
    {
        var adversary = _range.Adversary!;
        for (var round = 0; round < 3; round++) Assert.True(await adversary.TickAsync() > 0);
        Assert.True(adversary.AccessKeyIds.Count > 3, "it collects new keys and session tokens");
        Assert.Contains(adversary.AccessKeyIds, id => id.StartsWith("ASIA", StringComparison.Ordinal));
        var before = adversary.Status.SuccessfulCalls;
        Assert.True(before >= 6);
        var created = adversary.Status.Created;
        Assert.Contains(created, c => c is { Kind: "instance", Region: not null } && c.Id.StartsWith("i-", StringComparison.Ordinal));
        Assert.Contains(created, c => c.Kind == "session-key" && c.Id.StartsWith("ASIA", StringComparison.Ordinal));
        Assert.All(created.Where(c => c.Kind is "access-key" or "session-key"), c => Assert.Contains(c.Id, adversary.AccessKeyIds));

        await ContainAsync();
        var lastSuccess = adversary.Status.LastSuccessAt;
        _range.State.Clock.Advance(TimeSpan.FromSeconds(5));
        for (var round = 0; round < 3; round++) Assert.Equal(0, await adversary.TickAsync());

        Assert.Equal(before, adversary.Status.SuccessfulCalls);
        Assert.Equal(lastSuccess, adversary.Status.LastSuccessAt);
        Assert.True(adversary.Status.FailedCalls > 0);
        Assert.Contains("InvalidClientTokenId", adversary.Status.Errors.Keys);
        Assert.Contains("UnauthorizedOperation", adversary.Status.Errors.Keys);
    }

    [Fact]
    public async Task It_shares_the_snapshot_again_when_it_is_unshared_and_fails_to_once_contained()
    {
        var adversary = _range.Adversary!;
        var shared = Assert.Single(_range.GroundTruth!.SharedSnapshots);
        var rds = _responder.InRegion(shared.Region);
        Task<System.Text.Json.JsonElement> Unshare() => rds.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier",
            shared.DbSnapshotIdentifier, "--attribute-name", "restore", "--values-to-remove", shared.SharedWithAccount);
        List<string> RestorableBy()
        {
            lock (_range.State.Sync) return _range.State.Rds(shared.Region).Snapshots[shared.DbSnapshotIdentifier].RestoreAccounts.ToList();
        }

        await Unshare();
        Assert.Empty(RestorableBy());
        await adversary.TickAsync();
        Assert.Equal([shared.SharedWithAccount], RestorableBy());

        await ContainAsync();
        await Unshare();
        _range.State.Clock.Advance(TimeSpan.FromSeconds(5));
        for (var round = 0; round < 3; round++) Assert.Equal(0, await adversary.TickAsync());
        Assert.Empty(RestorableBy());
        lock (_range.State.Sync)
            Assert.Contains(_range.State.Calls, c => c.EventName == "ModifyDBSnapshotAttribute" && c.ErrorCode is not null
                                                     && c.Caller?.AccessKeyId != _range.Responder.AccessKeyId);
    }

    [Fact]
    public async Task It_shares_the_EBS_snapshot_and_opens_the_bucket_again_when_closed_and_fails_to_once_contained()
    {
        var adversary = _range.Adversary!;
        var ebs = Assert.Single(_range.GroundTruth!.SharedEbsSnapshots);
        var opened = Assert.Single(_range.GroundTruth!.OpenedBuckets);
        var bucket = _range.State.FindBucket(opened.Bucket)!;
        var ec2 = _responder.InRegion(ebs.Region);
        var s3 = _responder.InRegion(bucket.Region);
        async Task CloseAsync()
        {
            await ec2.OkAsync("ec2", "modify-snapshot-attribute", "--snapshot-id", ebs.SnapshotId, "--attribute", "createVolumePermission",
                "--operation-type", "remove", "--user-ids", ebs.SharedWithAccount);
            await s3.OkAsync("s3api", "put-public-access-block", "--bucket", bucket.Name, "--public-access-block-configuration",
                "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true");
        }
        List<string> CreateVolume()
        {
            lock (_range.State.Sync) return _range.State.Ec2(ebs.Region).Snapshots.First(s => s.SnapshotId == ebs.SnapshotId).CreateVolumePermissions.ToList();
        }
        bool? Restricted()
        {
            lock (_range.State.Sync) return bucket.PublicAccessBlock?.RestrictPublicBuckets;
        }

        await CloseAsync();
        Assert.Empty(CreateVolume());
        Assert.True(Restricted());
        await adversary.TickAsync();
        Assert.Equal([ebs.SharedWithAccount], CreateVolume());
        Assert.False(Restricted());
        lock (_range.State.Sync) Assert.Contains("\"Principal\":\"*\"", bucket.Policy);

        await ContainAsync();
        await CloseAsync();
        string policy;
        lock (_range.State.Sync) policy = bucket.Policy!;
        _range.State.Clock.Advance(TimeSpan.FromSeconds(5));
        for (var round = 0; round < 3; round++) Assert.Equal(0, await adversary.TickAsync());
        Assert.Empty(CreateVolume());
        Assert.True(Restricted());
        lock (_range.State.Sync)
        {
            Assert.Equal(policy, bucket.Policy);
            foreach (var name in new[] { "ModifySnapshotAttribute", "PutPublicAccessBlock", "PutBucketPolicy" })
                Assert.Contains(_range.State.Calls, c => c.EventName == name && c.ErrorCode is not null
                                                         && c.Caller?.AccessKeyId != _range.Responder.AccessKeyId);
        }
    }

    [Fact]
    public async Task It_shares_the_image_again_when_it_is_unshared_and_fails_to_once_contained()
    {
        var adversary = _range.Adversary!;
        var shared = Assert.Single(_range.GroundTruth!.SharedImages);
        var ec2 = _responder.InRegion(shared.Region);
        Task<System.Text.Json.JsonElement> Unshare() => ec2.OkAsync("ec2", "modify-image-attribute", "--image-id", shared.ImageId,
            "--attribute", "launchPermission", "--operation-type", "remove", "--user-ids", shared.SharedWithAccount);
        List<string> Launchers()
        {
            lock (_range.State.Sync) return _range.State.Ec2(shared.Region).Images.Single(i => i.ImageId == shared.ImageId).LaunchPermissions.ToList();
        }

        await Unshare();
        Assert.Empty(Launchers());
        await adversary.TickAsync();
        Assert.Equal([shared.SharedWithAccount], Launchers());

        await ContainAsync();
        await Unshare();
        _range.State.Clock.Advance(TimeSpan.FromSeconds(5));
        for (var round = 0; round < 3; round++) Assert.Equal(0, await adversary.TickAsync());
        Assert.Empty(Launchers());
        lock (_range.State.Sync)
            Assert.Contains(_range.State.Calls, c => c.EventName == "ModifyImageAttribute" && c.ErrorCode is not null
                                                     && c.Caller?.AccessKeyId != _range.Responder.AccessKeyId);
    }

    [Fact]
    public async Task The_counters_are_served_on_the_admin_route()
    {
        await _range.Adversary!.TickAsync();
        using var http = new HttpClient { BaseAddress = _range.Url };
        using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("_range/adversary"));
        Assert.True(json.RootElement.GetProperty("enabled").GetBoolean());
        Assert.Equal(_range.Adversary.Status.SuccessfulCalls, json.RootElement.GetProperty("successfulCalls").GetInt64());
        Assert.Equal(_range.Adversary.Status.LastSuccessAt,
            json.RootElement.GetProperty("lastSuccessAt").GetDateTimeOffset());
    }

    /// <summary>What a responder does: the leaked user's and the backdoor users' keys Inactive, and a deny-all for tokens issued before now.</summary>
    private async Task ContainAsync()
    {
        var cutoff = _range.State.Clock.Now.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                   + "\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + cutoff + "\"}}}]}";
        var truth = _range.GroundTruth!;
        var suspicious = (await _responder.OkAsync("iam", "list-users")).GetProperty("Users").EnumerateArray()
            .Select(u => u.GetProperty("UserName").GetString()!)
            .Where(u => u == truth.LeakedUserName || truth.Users.Any(b => u.StartsWith(b, StringComparison.Ordinal)))
            .ToList();
        Assert.True(suspicious.Count >= 2);
        await Task.WhenAll(suspicious.Select(async user =>
        {
            var keys = (await _responder.OkAsync("iam", "list-access-keys", "--user-name", user))
                .GetProperty("AccessKeyMetadata").EnumerateArray().Select(k => k.GetProperty("AccessKeyId").GetString()!).ToList();
            await Task.WhenAll(keys.Select(key => _responder.OkAsync("iam", "update-access-key", "--user-name", user,
                "--access-key-id", key, "--status", "Inactive")).Append(_responder.OkAsync("iam", "put-user-policy",
                "--user-name", user, "--policy-name", "shodo-deny-old-tokens", "--policy-document", deny)));
        }));
    }
}
