using System.Diagnostics;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Range;
using Shodo.Tests.Aws;
using Shodo.Trail;
using Shodo.Trail.Lookup;

namespace Shodo.Tests.Investigation;

/// <summary>
/// A failing event source gets a bounded budget: when every LookupEvents call fails (HTTP 500), a page is not asked
/// for again once its failure budget is spent — the region becomes a gap in seconds, not after every attempt's pause.
/// </summary>
public sealed class LookupFailureBudgetTests : IAsyncLifetime
{
    private RangeHost _range = null!;

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining", ErrorRate = 1 });

    public async Task DisposeAsync() => await _range.DisposeAsync();

    [Fact]
    public async Task A_persistent_error_is_given_up_after_the_budget_not_after_every_attempt()
    {
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
        });
        var reader = new LookupEventsReader(aws, new LookupEventsReadOptions { PageAttempts = 8, FailureBudget = TimeSpan.FromSeconds(1) });

        var watch = Stopwatch.StartNew();
        var read = await reader.ReadAsync(LookupQuery.Everything(new TrailWindow(null, null)), "us-east-1", CancellationToken.None);

        Assert.NotNull(read.Error);
        // 8 attempts would pause 0.5 + 1 + … + 3.5 = 14 s; the budget stops asking after about 1 s (+ one pause).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"{watch.Elapsed}");
    }
}
