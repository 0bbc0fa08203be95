namespace Shodo.Investigation.Triage.Signs;

/// <summary>
/// The kind of client a user agent names, without the versions that change on every upgrade or the
/// per-command suffixes the AWS CLI adds: the first product with its major version, and the platform
/// (<c>aws-cli/2 darwin</c>, <c>Boto3/1 macos</c>, <c>aws-cli/1 linux kali</c>).
/// </summary>
public static class UserAgentFamily
{
    private static readonly string[] Platforms = ["Linux", "Darwin", "Windows", "Windows_NT", "Mac", "macOS", "iOS", "Android", "FreeBSD"];

    public static string Of(string userAgent)
    {
        var tokens = userAgent.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return "";
        var first = tokens[0].Split('/', 2);
        var product = first.Length == 2 ? $"{first[0]}/{first[1].Split('.')[0]}" : first[0];
        var platform = "";
        foreach (var t in tokens.Skip(1))
        {
            var parts = t.Split('/', 2);
            if (Platforms.Contains(parts[0], StringComparer.OrdinalIgnoreCase)) { platform = parts[0]; break; }
            if (parts[0] == "os" && parts.Length == 2) { platform = parts[1].Split('#')[0]; break; }
        }
        var family = platform.Length == 0 ? product : $"{product} {platform.ToLowerInvariant()}";
        return userAgent.Contains("kali", StringComparison.OrdinalIgnoreCase) ? family + " kali" : family;
    }
}
