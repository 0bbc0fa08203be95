using Shodo.Aws.Connection;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Cases;
using Shodo.Containment.Record;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;
using Shodo.Localization;

namespace Shodo.Containment.Planning;

/// <summary>
/// Users that appeared while the response ran and that CloudTrail could not attribute (its events unreadable): each is
/// read now, and one holding admin-equivalent rights (<see cref="AdminEquivalence"/>) and an active access key or a
/// console password is suspected like the investigation's (it was created after the exposure began by definition).
/// </summary>
public static class NewUserSuspicion
{
    public static async Task<IReadOnlyList<SuspectedTarget>> ReadAsync(AwsConnection aws, CaseFolder folder, CancellationToken ct)
    {
        var result = new List<SuspectedTarget>();
        foreach (var user in VerificationFile.UnattributedUsersWhileBlind(folder))
        {
            var name = user.ResourceId;
            var iam = aws.Iam();
            var why = (await iam.ListAllAsync(new ListAttachedUserPolicies(name), ct).ConfigureAwait(false))
                .Where(p => AdminEquivalence.IsAdminPolicy(p.PolicyArn)).Select(p => p.PolicyName).ToList();
            foreach (var policy in await iam.ListAllAsync(new ListUserPolicies(name), ct).ConfigureAwait(false))
                if (await iam.FindAsync(new GetUserPolicy(name, policy), ct).ConfigureAwait(false) is { } inline && AdminEquivalence.AllowsAdmin(inline.Document))
                    why.Add($"{policy} (inline)");
            var keys = (await iam.ListAllAsync(new ListAccessKeys(name), ct).ConfigureAwait(false))
                .Where(k => k.Status == "Active").Select(k => k.AccessKeyId).ToList();
            var password = await iam.FindAsync(new GetLoginProfile(name), ct).ConfigureAwait(false) is not null;
            if (why.Count == 0 || (keys.Count == 0 && !password)) continue;
            var credentials = string.Join(", ", keys.Concat(password ? [Messages.Get("SuspectedPassword")] : []));
            result.Add(new SuspectedTarget(ResourceTypes.User, name, null, user.CreatedAt,
                Messages.Get("SuspectedUserReason", name, user.CreatedAt, string.Join(", ", why), credentials))
            {
                ConfirmArguments = $"--user-name {name}",
            });
        }
        return result;
    }
}
