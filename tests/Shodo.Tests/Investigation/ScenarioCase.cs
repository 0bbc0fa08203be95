using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Investigation;
using Shodo.Range;
using Shodo.Tests.Aws;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// A range playing one scenario, collected once into a case, then investigated (as the responder,
/// never with the leaked key). Investigations can be repeated into fresh cases (e.g. with throttling on).
/// </summary>
public abstract class ScenarioCase : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", "investigate-" + Guid.NewGuid().ToString("N"));

    protected abstract string Scenario { get; }
    public RangeHost Range { get; private set; } = null!;
    public string CaseDirectory { get; private set; } = null!;
    public InvestigationResult Result { get; private set; } = null!;
    public int CallsBeforeInvestigation { get; private set; }
    public int CallsAfterInvestigation { get; private set; }
    /// <summary>The range's call records of the first investigation (no faults): [from, to).</summary>
    public (int From, int To) FirstInvestigationCalls { get; private set; }

    protected abstract InvestigationOptions Options(RangeHost range);

    /// <summary>What a test adds to the played scenario before it is collected (nothing by default).</summary>
    protected virtual Task PrepareAsync(RangeHost range) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = Scenario });
        await PrepareAsync(Range);
        (CaseDirectory, Result) = await CollectAndInvestigateAsync(Options(Range));
        FirstInvestigationCalls = (CallsBeforeInvestigation, CallsAfterInvestigation);
    }

    /// <summary>Collects into a new case, runs <paramref name="beforeInvestigation"/> (e.g. turns faults on), investigates.</summary>
    public async Task<(string CaseDirectory, InvestigationResult Result)> CollectAndInvestigateAsync(InvestigationOptions options,
        Action? beforeInvestigation = null)
    {
        using var @case = Case.Open(_root, new CaseOptions { Title = "investigate test" });
        using var aws = await Connect(new JournalRefusalSink(@case.Journal));
        @case.IdentifyCaller((await aws.WhoAmIAsync()).Arn);
        await new CollectionRunner(aws, @case).RunAsync();
        beforeInvestigation?.Invoke();
        lock (Range.State.Sync) CallsBeforeInvestigation = Range.State.Calls.Count;
        var result = await new InvestigationRunner(aws, @case, options).RunAsync();
        lock (Range.State.Sync) CallsAfterInvestigation = Range.State.Calls.Count;
        return (@case.Directory, result);
    }

    /// <summary>Triage (no key, no user) on the case already collected.</summary>
    public async Task<Shodo.Investigation.Triage.TriageResult> TriageAsync()
    {
        using var @case = Case.Load(CaseDirectory);
        using var aws = await Connect(new JournalRefusalSink(@case.Journal));
        var me = await aws.WhoAmIAsync();
        return await new Shodo.Investigation.Triage.TriageRunner(aws, @case, new Shodo.Investigation.Triage.TriageOptions(), me).RunAsync();
    }

    private Task<AwsConnection> Connect(IRefusalSink sink) => AwsConnection.OpenAsync(new AwsConnectionOptions
    {
        Credentials = new BasicAWSCredentials(Range.Responder.AccessKeyId, Range.Responder.SecretAccessKey),
        Region = "us-east-1",
        EndpointUrl = Range.Url,
        Retry = TestConnections.QuickRetry,
        RefusalSink = sink,
    });

    public async Task DisposeAsync()
    {
        await Range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

/// <summary>One play of leaked-key-cryptomining shared by every test class that needs it.</summary>
[CollectionDefinition(Name)]
public sealed class LeakedKeyCollection : ICollectionFixture<LeakedKeyScenarioCase>
{
    public const string Name = "leaked-key-cryptomining";
}

public sealed class LeakedKeyScenarioCase : ScenarioCase
{
    protected override string Scenario => "leaked-key-cryptomining";
    protected override InvestigationOptions Options(RangeHost range) => new() { AccessKeyId = range.GroundTruth!.LeakedAccessKeyId };
}

public sealed class CleanAccountScenarioCase : ScenarioCase
{
    protected override string Scenario => "clean-account";

    /// <summary>A false alarm: dev-tanaka's key, reported as leaked, used only as its owner uses it.</summary>
    protected override InvestigationOptions Options(RangeHost range)
    {
        lock (range.State.Sync)
            return new InvestigationOptions
            {
                AccessKeyId = range.State.Iam.AccessKeys.Values.First(k => k.UserName == "dev-tanaka").AccessKeyId,
            };
    }
}
