using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>
/// Every IAM user and, per user, what GetAccountAuthorizationDetails does not say (<see cref="IamAuthorizationDetailsCollector"/>
/// holds each user's groups, inline and attached policies): access keys with their last use, login profile (a user without
/// a console password is a fact, not a failure), MFA devices — the key chain and the other two read at once. Users are
/// collected several at a time, well within IAM's request rate.
/// </summary>
public sealed class IamUsersCollector : ICollector, ISnapshotPart
{
    private const int UsersAtOnce = 16;

    public string Name => "iam.users";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } =
    [
        IamOperations.ListUsers, IamOperations.ListAccessKeys, IamOperations.GetAccessKeyLastUsed, IamOperations.GetLoginProfile,
        IamOperations.ListMFADevices,
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
        async Task Keys()
        {
            var keys = await context.PagesAsync(iam, new ListAccessKeys(name), ct);
            foreach (var key in keys ?? [])
                await context.AnswerAsync(iam, new GetAccessKeyLastUsed(key.AccessKeyId), ct);
        }
        await Task.WhenAll(Keys(), context.AnswerAsync(iam, new GetLoginProfile(name), ct, "NoSuchEntity"),
            context.PagesAsync(iam, new ListMFADevices(name), ct));
    }

    /// <summary>Users, their access keys, login profiles, and attached managed policies where an older case stored them per user.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("iam", "ListUsers", a =>
        {
            foreach (var u in a.Body.Descendants("member").Where(m => m.Element("UserName") is not null))
                s.Users.Add(new UserFact(u.Required("UserName"), u.Text("Arn"), u.Date("CreateDate"), a.Record.Sha256));
        }, ct);
        await answers.ForEachXmlAsync("iam", "ListAccessKeys", a =>
        {
            foreach (var k in a.Body.Descendants("member").Where(m => m.Element("AccessKeyId") is not null))
                s.AccessKeys.Add(new AccessKeyFact(k.Required("AccessKeyId"), k.Text("UserName") ?? a.Parameter("UserName") ?? "",
                    k.Text("Status"), k.Date("CreateDate"), a.Record.Sha256));
        }, ct);
        await answers.ForEachXmlAsync("iam", "GetLoginProfile", a =>
        {
            if (a.Body.Descendants("LoginProfile").FirstOrDefault() is { } p)
                s.LoginProfiles.Add(new LoginProfileFact(p.Text("UserName") ?? a.Parameter("UserName") ?? "", p.Date("CreateDate"), a.Record.Sha256));
        }, ct);
        await answers.ForEachXmlAsync("iam", "ListAttachedUserPolicies", a =>
        {
            if (a.Parameter("UserName") is { } user)
                foreach (var p in a.Body.Descendants("PolicyArn"))
                    s.Attachments.Add(new PolicyAttachmentFact(user, p.Value, a.Record.Sha256));
        }, ct);
        AccountSnapshot.Dedupe(s.Users, u => u.UserName);
        AccountSnapshot.Dedupe(s.AccessKeys, k => k.AccessKeyId);
        AccountSnapshot.Dedupe(s.LoginProfiles, p => p.UserName);
        AccountSnapshot.Dedupe(s.Attachments, p => (p.UserName, p.PolicyArn));
    }
}
