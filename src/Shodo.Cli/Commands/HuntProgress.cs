using Shodo.Cli.Output;
using Shodo.Localization;
using Shodo.Trail.Archives;

namespace Shodo.Cli.Commands;

/// <summary><c>shodo hunt</c>'s progress: at most one line every few seconds (files done, records, MB read).</summary>
internal sealed class HuntProgress(TextWriter report, TimeProvider time) : IProgress<TrailArchiveProgress>, IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private DateTimeOffset _next = time.GetUtcNow() + Every;

    public void Report(TrailArchiveProgress value)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now < _next) return;
            _next = now + Every;
            report.WriteLine(Terminal.Plain(Messages.Get("HuntProgress", value.FilesDone, value.FilesListed, value.Records, value.Bytes / (1024 * 1024))));
        }
    }

    public void Dispose() { }
}
