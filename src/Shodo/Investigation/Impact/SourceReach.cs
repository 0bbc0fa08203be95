namespace Shodo.Investigation.Impact;

/// <summary>What the event sources could see: the trail buckets whose log files were read, and the earliest time they reach.</summary>
public sealed record SourceReach(IReadOnlySet<string> LogBucketsRead, DateTimeOffset? Earliest);
