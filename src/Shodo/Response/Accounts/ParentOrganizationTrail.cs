using System.Runtime.CompilerServices;
using Shodo.Aws.CloudTrail.Calls;
using Shodo.Aws.Resilience;
using Shodo.Investigation.Sources.LogFiles;
using Reasons = Shodo.Investigation.Sources.LogFiles.OrganizationTrailChoice.Reasons;

namespace Shodo.Response.Accounts;

/// <summary>
/// Whether a member account's events are read from the organisation trail (issue 21, item 4): asked once per response,
/// through the parent's own connection (the trail and its bucket are the management account's, or a log-archive account's,
/// which the member role does not reach), for every member at once. An organisation trail that delivers to S3, logs now and
/// covers every region holds each member's events in its folder <c>AWSLogs/o-ID/MEMBER/</c>: one S3 read per region and day
/// instead of LookupEvents' two calls a second per region in each member. Anything less (no such trail, one not logging or of
/// one region, trails or the organisation unreadable): the member's LookupEvents, as before, with the reason.
/// </summary>
public static class ParentOrganizationTrail
{
    private static readonly ConditionalWeakTable<ResponseSession, Task<OrganizationTrailChoice>> Found = new();

    /// <summary>The parent's choice, found by the first member that asks.</summary>
    public static Task<OrganizationTrailChoice> OfAsync(ResponseSession parent, CancellationToken ct) =>
        Found.GetValue(parent, p => FindAsync(p, ct));

    private static async Task<OrganizationTrailChoice> FindAsync(ResponseSession parent, CancellationToken ct)
    {
        var aws = parent.Aws;
        var (trails, _) = await TransientRetry.TryAsync(() => aws.CloudTrail(aws.Region).SendAsync(new DescribeTrails(), ct), parent.Time, ct)
            .ConfigureAwait(false);
        if (trails is null) return new OrganizationTrailChoice(null, Reasons.Unreadable);
        var candidates = trails.Where(t => t.IsOrganizationTrail && !string.IsNullOrEmpty(t.S3BucketName)).ToList();
        if (candidates.Count == 0) return new OrganizationTrailChoice(null, Reasons.None);
        string? unread = null; // an organisation trail whose status could not be read: not known to be logging
        foreach (var trail in candidates.OrderByDescending(t => t.IsMultiRegionTrail))
        {
            var id = trail.TrailArn ?? trail.Name;
            if (!trail.IsMultiRegionTrail) break; // multi-region ones first: the rest cover only their home region
            var (status, refused) = await TransientRetry.TryAsync(() => aws.CloudTrail(trail.HomeRegion ?? aws.Region).SendAsync(new GetTrailStatus(id), ct),
                parent.Time, ct).ConfigureAwait(false);
            if (status is null && refused is not null) unread = id;
            if (status?.IsLogging != true) continue;
            var organization = await new OrganizationId(aws, parent.Time).IdAsync(ct).ConfigureAwait(false);
            if (organization is null) return new OrganizationTrailChoice(null, Reasons.Unreadable, id);
            return new OrganizationTrailChoice(
                new OrganizationTrailReach(aws, id, trail.S3BucketName!, trail.S3KeyPrefix, organization, parent.Responder.Account), Reasons.Read, id);
        }
        return unread is not null
            ? new OrganizationTrailChoice(null, Reasons.Unreadable, unread)
            : new OrganizationTrailChoice(null, Reasons.NotCovering, candidates[0].TrailArn ?? candidates[0].Name);
    }
}
