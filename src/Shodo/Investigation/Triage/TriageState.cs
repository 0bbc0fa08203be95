using Amazon.EC2.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Resilience;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Triage;

/// <summary>
/// What the sign detectors need of the account, read at once while the whole snapshot is still being recorded: a handful
/// of account-wide lists (every user with its creation date, every region's instances) and, for the principals the
/// window's events name or that were created inside the window, their keys — for the new users also their console
/// password and attached policies. A few dozen calls instead of the snapshot's thousands. The answers are not stored:
/// the snapshot stores them; a fact read here names no evidence blob. Each read is tried again while AWS fails
/// transiently; one that still fails is named instead of a state: then triage waits for the snapshot, which records
/// what failed as a gap.
/// </summary>
public static class TriageState
{
    private const int UsersAtOnce = 8;

    public static async Task<(AccountSnapshot? State, AwsServiceError? Failed)> ReadAsync(AwsConnection aws, IReadOnlyList<RegionFact> regions,
        DateTimeOffset since, IReadOnlyList<TrailRecord> recent, TimeProvider time, CancellationToken ct)
    {
        Task<T> Read<T>(Func<Task<T>> read) => TransientRetry.RunAsync(read, time, ct);
        var state = new AccountSnapshot();
        state.Regions.AddRange(regions);
        try
        {
            var iam = aws.Iam();
            var instances = Task.WhenAll(regions.Select(r => Read(() => InstancesAsync(aws, r.Name, ct))));
            var users = await Read(() => iam.ListAllAsync(new ListUsers(), ct)).ConfigureAwait(false);
            state.Users.AddRange(users.Select(u => new UserFact(u.UserName, u.Arn, u.CreateDate, "")));
            var created = users.Where(u => u.CreateDate >= since).Select(u => u.UserName).ToHashSet(StringComparer.Ordinal);
            var named = NamedUsers(recent).Where(n => users.Any(u => u.UserName == n)).ToHashSet(StringComparer.Ordinal);
            await Parallel.ForEachAsync(named.Union(created).Order(StringComparer.Ordinal),
                new ParallelOptions { MaxDegreeOfParallelism = UsersAtOnce, CancellationToken = ct }, async (user, c) =>
                {
                    var keys = await Read(() => iam.ListAllAsync(new ListAccessKeys(user), c)).ConfigureAwait(false);
                    lock (state) state.AccessKeys.AddRange(keys.Select(k => new AccessKeyFact(k.AccessKeyId, k.UserName, k.Status, k.CreateDate, "")));
                    if (!created.Contains(user)) return;
                    var profile = Read(() => iam.FindAsync(new GetLoginProfile(user), c));
                    var attached = Read(() => iam.ListAllAsync(new ListAttachedUserPolicies(user), c));
                    await Task.WhenAll(profile, attached).ConfigureAwait(false);
                    lock (state)
                    {
                        state.Attachments.AddRange(attached.Result.Select(p => new PolicyAttachmentFact(user, p.PolicyArn, "")));
                        if (profile.Result is { } p) state.LoginProfiles.Add(new LoginProfileFact(user, p.CreateDate, ""));
                    }
                }).ConfigureAwait(false);
            state.Instances.AddRange((await instances.ConfigureAwait(false)).SelectMany(i => i));
        }
        catch (AwsServiceError e)
        {
            return (null, e);
        }
        state.AccessKeys.Sort((a, b) => StringComparer.Ordinal.Compare(a.AccessKeyId, b.AccessKeyId));
        return (state, null);
    }

    /// <summary>
    /// The IAM users the events name: who called (a user's own key), and whose users, keys and console passwords were
    /// created (their owner; a backdoor key on an old user is still a key created inside the window).
    /// </summary>
    private static IEnumerable<string> NamedUsers(IReadOnlyList<TrailRecord> recent) =>
        recent.Where(e => e.IdentityType == "IAMUser").Select(e => e.UserName)
            .Concat(recent.SelectMany(MintedCredential.From).Where(m => m.Kind != Model.IdentityKind.SessionKey)
                .Select(m => m.Kind == Model.IdentityKind.User ? m.Name : m.Owner))
            .OfType<string>().Where(n => n.Length > 0);

    private static async Task<IReadOnlyList<InstanceFact>> InstancesAsync(AwsConnection aws, string region, CancellationToken ct)
    {
        var list = new List<InstanceFact>();
        string? next = null;
        do
        {
            var page = await aws.Ec2(region).DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = next }, ct).ConfigureAwait(false);
            list.AddRange((page.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(i => new InstanceFact(region, i.InstanceId,
                i.InstanceType?.Value ?? "", i.State?.Name?.Value, i.LaunchTime is { } t ? new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero) : null,
                i.SpotInstanceRequestId, i.InstanceLifecycle?.Value, i.KeyName, "",
                Tag(i, "aws:ec2spot:fleet-request-id"), Tag(i, "aws:ec2:fleet-id"))));
            next = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        } while (next is not null);
        return list;
    }

    private static string? Tag(Instance instance, string key) => instance.Tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
