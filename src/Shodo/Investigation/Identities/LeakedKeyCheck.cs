using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Trail;
using Shodo.Trail.Lookup;

namespace Shodo.Investigation.Identities;

/// <summary>
/// Before a case is opened about a leaked key: is it a key of the account the responder reaches at all?
/// A mistyped key id must never become a case of a compromise that did not happen. With the responder's
/// credentials only (the leaked key is never used): STS GetAccessKeyInfo names the key's account (for
/// long-term and temporary keys alike); IAM GetAccessKeyLastUsed names the user of a current long-term
/// key; otherwise CloudTrail's event history (LookupEvents AccessKeyId=…, the last 90 days, in every
/// enabled region) shows whether the key was ever used here — a deleted key or a temporary one still is.
/// When a call fails, the answer is <see cref="LeakedKeyVerdict.Unknown"/>: the response goes on and
/// the investigation records what it could not read.
/// </summary>
public sealed class LeakedKeyCheck(AwsConnection aws)
{
    public Task<LeakedKeyCheckResult> CheckAsync(string accessKeyId, string accountId, CancellationToken ct) =>
        CheckAsync(accessKeyId, Task.FromResult(accountId), ct);

    /// <summary>The check while the responder's own account is still being asked for (STS GetCallerIdentity): the same round trip.</summary>
    public async Task<LeakedKeyCheckResult> CheckAsync(string accessKeyId, Task<string> accountOfResponder, CancellationToken ct)
    {
        var problems = new List<string>();
        // Both questions at once: the key's account (STS) and its user (IAM) are one round trip, not two.
        var accountOf = new KeyOwnerResolver(aws).AccountOfAsync(accessKeyId, ct);
        var userOf = AccessKeyIdFormat.IsTemporary(accessKeyId) ? Task.FromResult<string?>(null) : UserOfAsync(accessKeyId, problems, ct);
        var accountId = await accountOfResponder.ConfigureAwait(false);
        var (account, problem) = await accountOf.ConfigureAwait(false);
        var user = await userOf.ConfigureAwait(false);
        if (problem is not null) problems.Add(problem);
        if (account is not null && account != accountId)
            return new LeakedKeyCheckResult(LeakedKeyVerdict.OtherAccount, account, null, null, 0, problems);
        if (user is not null)
            return new LeakedKeyCheckResult(LeakedKeyVerdict.Found, account ?? accountId, user, null, 0, problems);

        IReadOnlyList<string> regions;
        try
        {
            regions = (await RegionDiscovery.EnabledAsync(aws, ct).ConfigureAwait(false)).Select(r => r.Name).ToList();
        }
        catch (AwsServiceError e)
        {
            problems.Add($"DescribeRegions: {e.Code}");
            regions = [aws.Region];
        }
        var seen = await Task.WhenAll(regions.Select(r => SeenInAsync(accessKeyId, r, problems, ct))).ConfigureAwait(false);
        if (seen.FirstOrDefault(r => r is not null) is { } record)
            return new LeakedKeyCheckResult(LeakedKeyVerdict.Found, account ?? accountId, null, record.Region, regions.Count, problems)
            {
                PrincipalArn = record.PrincipalArn,
            };
        return new LeakedKeyCheckResult(problems.Count == 0 ? LeakedKeyVerdict.NotFound : LeakedKeyVerdict.Unknown,
            account, null, null, regions.Count, problems);
    }

    private async Task<string?> UserOfAsync(string accessKeyId, List<string> problems, CancellationToken ct)
    {
        try
        {
            return (await aws.Iam().FindAsync(new GetAccessKeyLastUsed(accessKeyId), ct).ConfigureAwait(false))?.UserName;
        }
        catch (AwsServiceError e)
        {
            lock (problems) problems.Add($"GetAccessKeyLastUsed: {e.Code}");
            return null;
        }
    }

    /// <summary>The newest call CloudTrail holds made with the key in the region (who made it, where), else null.</summary>
    private async Task<(string Region, string? PrincipalArn)?> SeenInAsync(string accessKeyId, string region, List<string> problems, CancellationToken ct)
    {
        var read = await new LookupEventsReader(aws, new LookupEventsReadOptions { MaxResults = 1, MaxPages = 1, PageAttempts = 1 })
            .ReadAsync(LookupQuery.AccessKey(accessKeyId, new TrailWindow(null, null)), region, ct).ConfigureAwait(false);
        if (read.Error is { } e)
        {
            lock (problems) problems.Add($"LookupEvents {region}: {e.Code}");
            return null;
        }
        return read.Events > 0 ? (region, read.Records.FirstOrDefault()?.PrincipalArn) : null;
    }
}

/// <summary>What <see cref="LeakedKeyCheck"/> saw: the verdict, the key's account, its user (a current key) or a region where it was used.</summary>
public sealed record LeakedKeyCheckResult(
    LeakedKeyVerdict Verdict, string? Account, string? UserName, string? SeenInRegion, int RegionsSearched, IReadOnlyList<string> Problems)
{
    /// <summary>Who CloudTrail shows making a call with the key (a temporary key's role session or user), when it was seen there.</summary>
    public string? PrincipalArn { get; init; }
}

public enum LeakedKeyVerdict
{
    /// <summary>A key of this account: a current key of a user, or one CloudTrail saw used here.</summary>
    Found,
    /// <summary>The key belongs to another AWS account.</summary>
    OtherAccount,
    /// <summary>Every source answered and none knows the key: no user has it and no call was made with it in 90 days.</summary>
    NotFound,
    /// <summary>Not seen, but a source could not be read: the response goes on, and says what it could not see.</summary>
    Unknown,
}
