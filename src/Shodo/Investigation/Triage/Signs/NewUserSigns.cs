using Shodo.Localization;

namespace Shodo.Investigation.Triage.Signs;

/// <summary>IAM users the recorded account shows were created inside the window (the responder's own excepted).</summary>
public sealed class NewUserSigns : ISignDetector
{
    public string Kind => SignKinds.NewUser;

    public IEnumerable<Sign> Detect(TriageContext context)
    {
        foreach (var user in context.State.Users.Where(u => u.Created is { } t && t >= context.Since && !context.ExcludedUsers.Contains(u.UserName)))
        {
            var keys = context.State.AccessKeys.Count(k => k.UserName == user.UserName);
            var password = context.State.LoginProfiles.Any(p => p.UserName == user.UserName);
            var policies = context.State.Attachments.Where(a => a.UserName == user.UserName).Select(a => a.PolicyArn[(a.PolicyArn.LastIndexOf('/') + 1)..]);
            var attached = string.Join(", ", policies);
            var summary = LocalText.Compose(c => Messages.In(c, "SignNewUser", user.UserName, user.Created, keys,
                password ? Messages.In(c, "SignNewUserPassword") : "", attached.Length > 0 ? attached : Messages.In(c, "SignNone")));
            yield return new Sign(Kind, CandidateId.OfUser(user.UserName), summary, user.Created, [], []);
        }
    }
}
