using Shodo.Trail.Records;

namespace Shodo.Investigation.Triage;

/// <summary>
/// Who a sign of compromise points at: a long-term access key (AKIA…), an IAM user, or another
/// principal (a role session, the root user) named by its ARN. Events made with a temporary key
/// (ASIA…) point at the long-term key that minted it, when the minting event was read.
/// </summary>
public sealed record CandidateId(string Kind, string Id)
{
    public const string AccessKey = "access-key";
    public const string User = "user";
    public const string Principal = "principal";

    public static CandidateId Key(string accessKeyId) => new(AccessKey, accessKeyId);
    public static CandidateId OfUser(string userName) => new(User, userName);

    /// <summary>The candidate an event's caller stands for; null for AWS services and unidentified callers.</summary>
    public static CandidateId? Of(TrailRecord e, IReadOnlyDictionary<string, string> sessionParents)
    {
        if (e.IdentityType is "AWSService" or "AWSAccount") return null;
        if (e.AccessKeyId is { Length: > 0 } key)
        {
            if (key.StartsWith("AKIA", StringComparison.Ordinal)) return Key(key);
            if (sessionParents.TryGetValue(key, out var parent)) return Key(parent);
        }
        if (e.IdentityType == "IAMUser" && e.UserName is { Length: > 0 } user) return OfUser(user);
        return e.PrincipalArn is { Length: > 0 } arn ? new CandidateId(Principal, arn) : null;
    }

    public override string ToString() => $"{Kind}:{Id}";
}
