using Microsoft.Extensions.Time.Testing;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>
/// A range whose clock stands still unless a test moves it, so calls made seconds apart in real time
/// (the CLI is slow on a loaded machine) share one simulated moment.
/// </summary>
public sealed class FrozenClockRangeFixture : RangeFixture
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    protected override RangeOptions Options => new() { Port = 0, TimeProvider = Time };
}
