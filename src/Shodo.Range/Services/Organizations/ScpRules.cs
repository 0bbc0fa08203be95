using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>What AWS checks of SCPs: their size, that they parse, how many a target holds; a target's attachments.</summary>
internal static class ScpRules
{
    public const int MaxScpCharacters = 5120, MaxScpsPerTarget = 5;

    /// <summary>An SCP's content as AWS checks it: at most 5,120 characters, a valid policy document.</summary>
    public static void CheckScp(string content)
    {
        if (content.Length > MaxScpCharacters)
            throw new AwsError("ConstraintViolationException", "The policy content exceeds the maximum size for a service control policy.", 400)
                { Reason = "POLICY_CONTENT_LIMIT_EXCEEDED" };
        try { PolicyDocument.Parse(content); }
        catch (MalformedPolicyException)
        {
            throw new AwsError("MalformedPolicyDocumentException",
                "The provided policy document does not meet the requirements of the specified policy type.", 400);
        }
    }

    /// <summary>The policies attached to a root or account (an empty list is created for it).</summary>
    public static List<string> Attached(RangeOrganization org, string targetId)
    {
        if (!org.Attachments.TryGetValue(targetId, out var list)) org.Attachments[targetId] = list = [];
        return list;
    }
}
