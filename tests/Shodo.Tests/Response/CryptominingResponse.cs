using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Drill;
using Shodo.Drill.Rehearsal;
using Shodo.Range;
using Shodo.Response;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// One response to the leaked-key-cryptomining scenario as the drill runs it (its authority policy lets the responder
/// isolate what cannot be stopped; its escalation chain points at the rehearsal receiver, in Japanese), shared by the
/// tests that read the case it leaves.
/// </summary>
public sealed class CryptominingResponse : IAsyncLifetime
{
    private readonly TempFolder _cases = new();
    private RehearsalReceiver _receiver = null!;

    public RangeHost Range { get; private set; } = null!;
    public string CaseDirectory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        _receiver = RehearsalReceiver.Start();
        var result = await FirstResponse.RunAsync(new FirstResponseOptions
        {
            Connection = new AwsConnectionOptions
            {
                Credentials = new BasicAWSCredentials(Range.Responder.AccessKeyId, Range.Responder.SecretAccessKey),
                Region = "us-east-1", EndpointUrl = Range.Url, Retry = TestConnections.QuickRetry,
            },
            Request = new ResponseRequest { AccessKeyId = Range.GroundTruth!.LeakedAccessKeyId!, ApplyWithinAuthority = true },
            Configuration = DrillEscalation.Configuration(_receiver, "ja"),
            CasesDirectory = _cases.Path,
            CaseOptions = new CaseOptions(),
            EnvironmentVariable = _ => null,
            AcknowledgementGrace = TimeSpan.Zero,
        }, TimeProvider.System, new RecordingProgress(), CancellationToken.None);
        CaseDirectory = result.CaseDirectory;
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await Range.DisposeAsync();
        _cases.Dispose();
    }
}
