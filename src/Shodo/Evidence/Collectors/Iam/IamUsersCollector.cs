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
/// The credential report of this collection (<see cref="IamCredentialReportCollector"/>, one account-wide answer) already
/// says, for each user it lists, whether there is a password, an MFA device, which keys and their last use: a user's
/// line that says "none" spares that read, and a key the line names (same creation second, same status) spares
/// GetAccessKeyLastUsed. The key ids are in no account-wide answer, so a user with keys is still asked ListAccessKeys.
/// Without a report of this collection (stale, failed, not collected), and for a user it does not list (created since, a
/// line that could not be read), every read is made, as before.
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
        var reported = context.ResultOfAsync<CredentialReportRows>(IamCredentialReportCollector.CollectorName, ct);
        var users = await context.PagesAsync(iam, new ListUsers(), ct);
        if (users is null) return;
        var report = await reported;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = UsersAtOnce, CancellationToken = ct },
            async (user, c) => await CollectUserAsync(context, iam, user, LineOf(report, user), c));
    }

    /// <summary>The report's line for this very user (same name and creation second: not a deleted namesake's), or null.</summary>
    private static CredentialReportRow? LineOf(CredentialReportRows? report, IamUser user) =>
        report?.Of(user.UserName) is { } row && row.Created is { } created && user.CreateDate is { } createDate
        && Seconds(created) == Seconds(createDate) ? row : null;

    private static long Seconds(DateTimeOffset t) => t.ToUnixTimeSeconds();

    private static async Task CollectUserAsync(CollectionContext context, QueryClient iam, IamUser user, CredentialReportRow? line,
        CancellationToken ct)
    {
        var name = user.UserName;
        async Task Keys()
        {
            if (line is { Keys.Count: 0 }) return;
            var keys = await context.PagesAsync(iam, new ListAccessKeys(name), ct);
            foreach (var key in keys ?? [])
                if (!Reported(line, key))
                    await context.AnswerAsync(iam, new GetAccessKeyLastUsed(key.AccessKeyId), ct);
        }
        async Task LoginProfile()
        {
            if (line?.PasswordEnabled != false) await context.AnswerAsync(iam, new GetLoginProfile(name), ct, "NoSuchEntity");
        }
        async Task Mfa()
        {
            if (line?.MfaActive != false) await context.PagesAsync(iam, new ListMFADevices(name), ct);
        }
        await Task.WhenAll(Keys(), LoginProfile(), Mfa());
    }

    /// <summary>Whether the report's line holds this key's last use: exactly one of its keys was created in the same second, with the same status.</summary>
    private static bool Reported(CredentialReportRow? line, AccessKeyMetadata key) =>
        line is not null && key.CreateDate is { } created
        && line.Keys.Count(k => Seconds(k.Created) == Seconds(created)) == 1
        && line.Keys.Single(k => Seconds(k.Created) == Seconds(created)).Active == (key.Status == "Active");

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
