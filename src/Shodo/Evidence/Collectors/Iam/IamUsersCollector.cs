using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>
/// Every IAM user and, per user: access keys with their last use, login profile (a user without a
/// console password is a fact, not a failure), MFA devices, groups, inline policies with their
/// documents and attached managed policies. Users are collected a few at a time.
/// </summary>
public sealed class IamUsersCollector : ICollector
{
    private const int UsersAtOnce = 4;

    public string Name => "iam.users";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } =
    [
        IamOperations.ListUsers, IamOperations.ListAccessKeys, IamOperations.GetAccessKeyLastUsed, IamOperations.GetLoginProfile,
        IamOperations.ListMFADevices, IamOperations.ListGroupsForUser, IamOperations.ListUserPolicies, IamOperations.GetUserPolicy,
        IamOperations.ListAttachedUserPolicies,
    ];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var iam = context.Aws.Iam();
        var users = await context.PagesAsync(iam, new ListUsers(), ct);
        if (users is null) return;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = UsersAtOnce, CancellationToken = ct },
            async (user, c) => await CollectUserAsync(context, iam, user, c));
    }

    private static async Task CollectUserAsync(CollectionContext context, QueryClient iam, IamUser user, CancellationToken ct)
    {
        var name = user.UserName;
        var keys = await context.PagesAsync(iam, new ListAccessKeys(name), ct);
        foreach (var key in keys ?? [])
            await context.AnswerAsync(iam, new GetAccessKeyLastUsed(key.AccessKeyId), ct);
        await context.AnswerAsync(iam, new GetLoginProfile(name), ct, "NoSuchEntity");
        await context.PagesAsync(iam, new ListMFADevices(name), ct);
        await context.PagesAsync(iam, new ListGroupsForUser(name), ct);
        var inline = await context.PagesAsync(iam, new ListUserPolicies(name), ct);
        foreach (var policy in inline ?? [])
            await context.AnswerAsync(iam, new GetUserPolicy(name, policy), ct);
        await context.PagesAsync(iam, new ListAttachedUserPolicies(name), ct);
    }
}
