using Shodo.Range.State.Ec2;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// Simulated time for EC2 tests against a running range. The range clock follows real time, and a
/// loaded machine can take many seconds per CLI call, so transitions are stretched to an hour
/// and tests move them on by advancing the range clock, never by waiting.
/// </summary>
public sealed class Ec2Time
{
    public static readonly Ec2Timings Stretched = new()
    {
        Boot = TimeSpan.FromHours(1), Stop = TimeSpan.FromHours(1), Shutdown = TimeSpan.FromHours(1),
        SnapshotCopy = TimeSpan.FromHours(1), StatusChecks = TimeSpan.FromHours(1),
        TerminatedVisibleFor = TimeSpan.FromDays(30),
    };

    private readonly RangeFixture _fixture;

    public Ec2Time(RangeFixture fixture)
    {
        _fixture = fixture;
        lock (fixture.Range.State.Sync) fixture.Range.State.Ec2Timings = Stretched;
    }

    public Ec2Timings Timings => Stretched;

    public void Advance(TimeSpan by)
    {
        lock (_fixture.Range.State.Sync) _fixture.Range.State.Clock.Advance(by);
    }
}
