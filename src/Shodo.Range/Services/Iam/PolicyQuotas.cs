using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// IAM's quotas on policies held by a user, role or group (IAM User Guide, "IAM and AWS STS quotas"): the inline
/// policies of one principal may total 2,048 characters for a user, 10,240 for a role and 5,120 for a group,
/// white space not counted; at most 10 managed policies attached (the default quota). Over either, AWS refuses
/// with LimitExceeded (HTTP 409), as here.
/// </summary>
public static class PolicyQuotas
{
    public const int MaxAttached = 10;

    public static int InlineTotal(PolicyHolder holder) => holder.Kind switch
    {
        "User" => 2048,
        "Role" => 10240,
        _ => 5120,
    };

    /// <summary>A policy's size as IAM counts it against the quota: its characters, white space excluded.</summary>
    public static int Size(string document) => document.Count(c => !char.IsWhiteSpace(c));

    /// <summary>Refuses putting <paramref name="document"/> as <paramref name="name"/> when the holder's inline total would pass its quota.</summary>
    public static void CheckInline(PolicyHolder holder, string owner, IReadOnlyDictionary<string, string> inline, string name, string document)
    {
        var total = inline.Where(p => p.Key != name).Sum(p => Size(p.Value)) + Size(document);
        var max = InlineTotal(holder);
        if (total > max)
            throw IamErrors.LimitExceeded($"Maximum policy size of {max} bytes exceeded for {holder.ArnKind} {owner}");
    }

    public static void CheckAttached(PolicyHolder holder, int attached)
    {
        if (attached >= MaxAttached)
            throw IamErrors.LimitExceeded($"Cannot exceed quota for PoliciesPer{holder.Kind}: {MaxAttached}");
    }
}
