using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.State;

/// <summary>CloudTrail: trails (by ARN), their delivery, and the LookupEvents rate limit.</summary>
public sealed partial class RangeState
{
    public Dictionary<string, Trail> Trails { get; } = new(StringComparer.Ordinal);

    public LookupRateLimit LookupRate { get; } = new();

    /// <summary>
    /// How long after a call its event can be seen (LookupEvents, trail log files). Real CloudTrail delivers an event
    /// about 5 minutes after the call, LookupEvents up to 15; the range's default is none (<c>range serve --event-delay</c>).
    /// </summary>
    public TimeSpan EventDelay { get; set; }

    /// <summary>Whether a call's event is visible at <paramref name="now"/>, given <see cref="EventDelay"/>.</summary>
    public bool Delivered(CallRecord call, DateTimeOffset now) => EventDelay <= TimeSpan.Zero || call.Time <= now - EventDelay;

    /// <summary>
    /// Creates a trail as a scenario needs it (no CloudTrail event), logging from
    /// <paramref name="startLoggingAt"/> when given (backdate it to cover seeded history).
    /// </summary>
    public Trail CreateTrail(string name, string s3BucketName, string homeRegion = "us-east-1",
        bool isMultiRegion = true, DateTimeOffset? startLoggingAt = null, string? s3KeyPrefix = null,
        IEnumerable<EventSelector>? eventSelectors = null)
    {
        lock (Sync)
        {
            var trail = new Trail
            {
                Name = name, HomeRegion = homeRegion, AccountId = AccountId, Partition = Partition, S3BucketName = s3BucketName,
                S3KeyPrefix = s3KeyPrefix, IsMultiRegion = isMultiRegion, CreatedAt = startLoggingAt ?? Clock.Now,
            };
            if (eventSelectors is not null)
            {
                trail.EventSelectors = eventSelectors.ToList();
                trail.HasCustomEventSelectors = true;
            }
            if (startLoggingAt is { } start) trail.StartLogging(start);
            Trails[trail.Arn] = trail;
            return trail;
        }
    }

    /// <summary>
    /// The trail a name or ARN means in a region: an ARN anywhere, or a name of a trail whose home is
    /// the region or that covers it (multi-region).
    /// </summary>
    public Trail? FindTrail(string nameOrArn, string region)
    {
        lock (Sync)
        {
            if (nameOrArn.StartsWith("arn:", StringComparison.Ordinal)) return Trails.GetValueOrDefault(nameOrArn);
            return Trails.Values.Where(t => t.Name == nameOrArn && (t.HomeRegion == region || t.IsMultiRegion))
                .OrderBy(t => t.HomeRegion == region ? 0 : 1).FirstOrDefault();
        }
    }

    /// <summary>
    /// The organisation trails a member account sees as shadow trails: CloudTrail replicates an organisation trail into every
    /// member account, where DescribeTrails lists it (unless includeShadowTrails is false) with the management account's ARN
    /// and home region, and its status and selectors are read by that ARN. None in the management account or outside an organisation.
    /// </summary>
    public IReadOnlyList<Trail> OrganizationShadowTrails()
    {
        if (Organization is not { } org || org.Management == this) return [];
        lock (Sync) return org.Management.Trails.Values.Where(t => t.IsOrganizationTrail).ToList();
    }

    /// <summary>
    /// <see cref="FindTrail"/>, or in a member account an organisation trail by its ARN: a member account must name an
    /// organisation trail by its full ARN, not its name.
    /// </summary>
    public Trail? FindVisibleTrail(string nameOrArn, string region) =>
        FindTrail(nameOrArn, region)
        ?? (nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? OrganizationShadowTrails().FirstOrDefault(t => t.Arn == nameOrArn) : null);

    /// <summary>
    /// Delivers every trail's pending records to its bucket (an organisation trail's: every account's) (or only the trails writing to
    /// <paramref name="bucket"/>). Returns the keys written. Called by scenarios and the admin endpoint,
    /// and by S3 before it reads a trail's bucket, so log files are there right after the calls.
    /// </summary>
    public IReadOnlyList<string> DeliverTrailLogs(string? bucket = null)
    {
        lock (Sync)
        {
            var keys = new List<string>();
            foreach (var trail in Trails.Values.Where(t => bucket is null || t.S3BucketName == bucket))
            {
                if (trail.IsOrganizationTrail && Organization is { } org)
                {
                    foreach (var account in org.Accounts.Select(a => a.State))
                    {
                        var delivered = TrailDelivery.Deliver(this, trail, account, org.Id);
                        keys.AddRange(delivered);
                        keys.AddRange(DigestDelivery.Deliver(this, trail, delivered, account.AccountId, org.Id));
                    }
                    continue;
                }
                var logs = TrailDelivery.Deliver(this, trail);
                keys.AddRange(logs);
                keys.AddRange(DigestDelivery.Deliver(this, trail, logs));
            }
            return keys;
        }
    }
}
