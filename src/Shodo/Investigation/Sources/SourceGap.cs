namespace Shodo.Investigation.Sources;

/// <summary>
/// Something an event source could not read: a region whose LookupEvents failed, a log file that
/// would not parse, a bucket that could not be listed. Merged into coverage.json; any gap makes the
/// investigation incomplete (exit code 3).
/// </summary>
public sealed record SourceGap(string Source, string? Region, string Kind, string? Code, string Message);
