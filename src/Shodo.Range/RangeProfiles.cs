using System.Text;

namespace Shodo.Range;

/// <summary>
/// Writes an AWS shared credentials file for a running range: profile <c>responder</c> (the security
/// team's admin) and, when the scenario has one, <c>leaked</c> (the leaked key), so that
/// <c>aws --profile leaked --endpoint-url URL</c> and <c>shodo --profile responder ...</c> work.
/// The file holds secrets of the simulated account only; it is created readable by its owner alone.
/// </summary>
public static class RangeProfiles
{
    public static string Render(RangeHost range)
    {
        var text = new StringBuilder();
        Append(text, "responder", range.Responder);
        if (range.Leaked is { } leaked) Append(text, "leaked", leaked);
        return text.ToString();
    }

    public static async Task WriteAsync(RangeHost range, string path, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new StreamWriter(path, Encoding.ASCII, options);
        await file.WriteAsync(Render(range).AsMemory(), ct);
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
