using Shodo.Trail.Archives;

namespace Shodo.Hunting;

/// <summary>What a hunt reads and how: the time window and files in flight (which bound its memory).</summary>
public sealed record HuntOptions
{
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int FilesInFlight { get; init; } = Math.Clamp(Environment.ProcessorCount, 2, 8);
    public TrailLogReadOptions Limits { get; init; } = TrailLogReadOptions.Default;

    public TrailArchiveOptions ToArchiveOptions() =>
        new() { Since = Since, Until = Until, FilesInFlight = FilesInFlight, Limits = Limits };
}
