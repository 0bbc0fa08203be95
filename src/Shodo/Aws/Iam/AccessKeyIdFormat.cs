using System.Text.RegularExpressions;

namespace Shodo.Aws.Iam;

/// <summary>
/// What an AWS access key id looks like: <c>AKIA</c> (a long-term key of an IAM user or root) or
/// <c>ASIA</c> (a temporary key from STS) and 16 base-32 characters (A–Z, 2–7). Anything else is a
/// typo or a different kind of id (AIDA… is a user id, AROA… a role id), never a key to respond to.
/// </summary>
public static partial class AccessKeyIdFormat
{
    public static bool IsWellFormed(string? accessKeyId) => accessKeyId is not null && Pattern().IsMatch(accessKeyId);

    /// <summary>A temporary key (ASIA…): it belongs to no IAM user and expires on its own.</summary>
    public static bool IsTemporary(string accessKeyId) => accessKeyId.StartsWith("ASIA", StringComparison.Ordinal);

    [GeneratedRegex("^(AKIA|ASIA)[A-Z2-7]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
