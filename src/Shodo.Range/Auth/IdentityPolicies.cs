using Shodo.Range.Auth.Policies;
using Shodo.Range.State;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Auth;

/// <summary>
/// The identity-based policies that apply to a caller, evaluated afresh on every request: a user's
/// inline and attached policies and those of its groups (also for sessions the user minted), or an
/// assumed role's policies. A session policy (GetFederationToken, AssumeRole --policy) further limits.
/// </summary>
public static class IdentityPolicies
{
    public static IReadOnlyList<PolicyDocument> Of(IamAccount iam, Caller caller)
    {
        var documents = new List<string>();
        if (caller.RoleName is { } roleName)
        {
            if (iam.Role(roleName) is { } role) Collect(iam, role.InlinePolicies, role.AttachedPolicyArns, documents);
        }
        else if ((caller.SourceUserName ?? caller.UserName) is { } userName && iam.User(userName) is { } user)
        {
            Collect(iam, user.InlinePolicies, user.AttachedPolicyArns, documents);
            foreach (var group in iam.GroupsOf(user.UserName))
                Collect(iam, group.InlinePolicies, group.AttachedPolicyArns, documents);
        }
        return documents.Select(PolicyDocument.Parse).ToList();
    }

    /// <summary>The session policy of temporary credentials, or null when none was passed.</summary>
    public static PolicyDocument? SessionPolicyOf(IamAccount iam, Caller caller) =>
        iam.Sessions.TryGetValue(caller.AccessKeyId, out var session) && session.SessionPolicy is { } policy
            ? PolicyDocument.Parse(policy)
            : null;

    private static void Collect(IamAccount iam, Dictionary<string, string> inline, List<string> attached, List<string> into)
    {
        into.AddRange(inline.Values);
        foreach (var arn in attached)
            if (iam.Policy(arn) is { } policy) into.Add(policy.DefaultVersion.Document);
    }
}
