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
    /// <summary>
    /// The policies in effect at <paramref name="now"/>: with <paramref name="propagation"/>, a holder whose change has not
    /// propagated yet is evaluated with the documents it had before (<see cref="PolicyPropagation"/>).
    /// </summary>
    public static IReadOnlyList<PolicyDocument> Of(IamAccount iam, Caller caller, PolicyPropagation? propagation = null,
        DateTimeOffset now = default)
    {
        var documents = new List<string>();
        void Add(string kind, string name, Dictionary<string, string> inline, List<string> attached) =>
            documents.AddRange(propagation?.StillInEffect(PolicyPropagation.Key(kind, name), now) ?? Documents(iam, inline, attached));
        if (caller.RoleName is { } roleName)
        {
            if (iam.Role(roleName) is { } role) Add("role", role.RoleName, role.InlinePolicies, role.AttachedPolicyArns);
        }
        else if ((caller.SourceUserName ?? caller.UserName) is { } userName && iam.User(userName) is { } user)
        {
            Add("user", user.UserName, user.InlinePolicies, user.AttachedPolicyArns);
            foreach (var group in iam.GroupsOf(user.UserName))
                Add("group", group.GroupName, group.InlinePolicies, group.AttachedPolicyArns);
        }
        return documents.Select(PolicyDocument.Parse).ToList();
    }

    /// <summary>A holder's documents as stored: its inline policies and the default versions of those attached.</summary>
    public static List<string> Documents(IamAccount iam, Dictionary<string, string> inline, List<string> attached)
    {
        var documents = new List<string>();
        Collect(iam, inline, attached, documents);
        return documents;
    }

    /// <summary>The permissions boundary of the caller's role or user (also for sessions the user minted), or null when none is set.</summary>
    public static PolicyDocument? BoundaryOf(IamAccount iam, Caller caller)
    {
        var arn = caller.RoleName is { } roleName ? iam.Role(roleName)?.PermissionsBoundaryArn
            : (caller.SourceUserName ?? caller.UserName) is { } userName ? iam.User(userName)?.PermissionsBoundaryArn : null;
        return arn is not null && iam.Policy(arn) is { } policy ? PolicyDocument.Parse(policy.DefaultVersion.Document) : null;
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
