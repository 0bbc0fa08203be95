namespace Shodo.Range.Tests.Infrastructure;

/// <summary>
/// One range per test class (<c>IClassFixture&lt;RangeFixture&gt;</c>), with an AWS CLI signed as the
/// responder. Tests that change shared state use their own names (see <see cref="Unique"/>).
/// </summary>
public class RangeFixture : IAsyncLifetime
{
    private int _counter;

    public RangeHost Range { get; private set; } = null!;
    /// <summary>The AWS CLI as the responder (admin), region us-east-1.</summary>
    public AwsCli Cli { get; private set; } = null!;

    /// <summary>Override to start the range with other options.</summary>
    protected virtual RangeOptions Options => new() { Port = 0 };

    public async Task InitializeAsync()
    {
        Range = await RangeHost.StartAsync(Options);
        Cli = new AwsCli(Range.Url, Range.Responder);
    }

    public async Task DisposeAsync() => await Range.DisposeAsync();

    /// <summary>A name unique within this range: prefix-1, prefix-2...</summary>
    public string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}";
}
