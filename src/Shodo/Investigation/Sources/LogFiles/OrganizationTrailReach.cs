using Shodo.Aws.Connection;

namespace Shodo.Investigation.Sources.LogFiles;

/// <summary>
/// The organisation trail a member account's events are read from (issue 21, item 4): its bucket is the management
/// account's (or a log-archive account's), so it is read through the connection that found it (<see cref="Aws"/>, the
/// parent's), in the member's folder <c>[prefix/]AWSLogs/o-ID/MEMBER/</c>, its digests validated beside the log files as the
/// case account's are. <see cref="ReadAs"/>: the account whose connection reads it (coverage.json names it).
/// </summary>
public sealed record OrganizationTrailReach(AwsConnection Aws, string Trail, string Bucket, string? Prefix, string OrganizationId, string ReadAs)
{
    /// <summary>The trail's root, as the case account's own trails are named: <c>s3://bucket[/prefix]</c>.</summary>
    public string Location => $"s3://{Bucket}/{Prefix}".TrimEnd('/');

    /// <summary>An account's folder of the trail: <c>s3://bucket/[prefix/]AWSLogs/o-ID/ACCOUNT/</c>.</summary>
    public string FolderOf(string? account) => $"{Location}/AWSLogs/{OrganizationId}/{account}/";

    /// <summary>What this response read of the trail's region folders already: a later read lists and fetches only what is new.</summary>
    public TrailFolderReads Folders { get; } = new();
}

/// <summary>
/// Where a member account's events are read from, and why (coverage.json and the member's report section say it):
/// <see cref="Reach"/> when the parent found an organisation trail that covers the member (<see cref="Reasons.Read"/>), else
/// null and the member's own LookupEvents, as for any account, with the reason the trail was not used.
/// </summary>
public sealed record OrganizationTrailChoice(OrganizationTrailReach? Reach, string Reason, string? Trail = null)
{
    public static class Reasons
    {
        /// <summary>The parent found an organisation trail logging every region: read instead of the member's LookupEvents.</summary>
        public const string Read = "organization-trail";
        /// <summary>The parent's account has no organisation trail delivering to S3.</summary>
        public const string None = "no-organization-trail";
        /// <summary>The organisation trail is not logging now, or covers only its home region.</summary>
        public const string NotCovering = "organization-trail-not-covering";
        /// <summary>The parent's trails or its organisation could not be read.</summary>
        public const string Unreadable = "organization-trail-unreadable";
    }
}
