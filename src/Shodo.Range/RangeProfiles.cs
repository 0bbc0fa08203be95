using System.Text;

namespace Shodo.Range;

/// <summary>
/// Writes an AWS shared credentials file for a running range: profile <c>responder</c> (the security
/// team's admin) and, when the scenario has one, <c>leaked</c> (the leaked key). Readable by the
/// owner only: it holds secrets.
/// </summary>
public static class RangeProfiles
{
    public static async Task WriteAsync(RangeHost range, string path, CancellationToken ct)
    {
        var text = new StringBuilder();
        Append(text, "responder", range.Responder);
        if (range.Leaked is { } leaked) Append(text, "leaked", leaked);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, text.ToString(), ct);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static void Append(StringBuilder text, string profile, RangeCredentials credentials)
    {
        text.Append('[').Append(profile).Append("]\n")
            .Append("aws_access_key_id = ").Append(credentials.AccessKeyId).Append('\n')
            .Append("aws_secret_access_key = ").Append(credentials.SecretAccessKey).Append('\n');
        if (credentials.SessionToken is { } token) text.Append("aws_session_token = ").Append(token).Append('\n');
        text.Append('\n');
    }
}
