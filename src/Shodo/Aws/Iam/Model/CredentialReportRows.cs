using System.Globalization;

namespace Shodo.Aws.Iam.Model;

/// <summary>
/// One user's line of the credential report: whether the user had a console password and an MFA device, and
/// each of its (at most two) access keys — active or not, created when, last used when, where and with what.
/// </summary>
public sealed record CredentialReportRow(
    string UserName, DateTimeOffset? Created, bool? PasswordEnabled, bool? MfaActive, IReadOnlyList<CredentialReportKey> Keys);

/// <summary>An access key slot of the report (<c>access_key_N_*</c>); only slots that hold a key (<c>last_rotated</c> is a date).</summary>
public sealed record CredentialReportKey(bool Active, DateTimeOffset Created, DateTimeOffset? LastUsed, string? LastUsedRegion, string? LastUsedService);

/// <summary>
/// The credential report's lines by user name, read by the column names of its header (AWS's column order is not a
/// promise). A line that does not have one field per column — an IAM user name may hold a comma, and AWS does not quote
/// — is left out rather than read shifted: whoever relies on the report reads that user in full instead.
/// </summary>
public sealed class CredentialReportRows
{
    private readonly Dictionary<string, CredentialReportRow> _rows;

    private CredentialReportRows(DateTimeOffset? generated, Dictionary<string, CredentialReportRow> rows)
    {
        GeneratedTime = generated;
        _rows = rows;
    }

    public DateTimeOffset? GeneratedTime { get; }
    public int Count => _rows.Count;

    /// <summary>The line of the user named <paramref name="userName"/> (IAM names are unique regardless of case), or null.</summary>
    public CredentialReportRow? Of(string userName) => _rows.GetValueOrDefault(userName);

    public static CredentialReportRows Read(CredentialReport report)
    {
        var rows = new Dictionary<string, CredentialReportRow>(StringComparer.OrdinalIgnoreCase);
        var lines = report.Csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return new(report.GeneratedTime, rows);
        var header = lines[0].Split(',');
        var column = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        if (!column.ContainsKey("user")) return new(report.GeneratedTime, rows);
        var ambiguous = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length != header.Length) continue;
            string? Field(string name) => column.TryGetValue(name, out var i) ? fields[i] : null;
            var user = fields[column["user"]];
            if (user == "<root_account>" || user.Length == 0) continue;
            var keys = new List<CredentialReportKey>();
            for (var n = 1; n <= 2; n++)
                if (Date(Field($"access_key_{n}_last_rotated")) is { } created)
                    keys.Add(new CredentialReportKey(Field($"access_key_{n}_active") == "true", created,
                        Date(Field($"access_key_{n}_last_used_date")), Value(Field($"access_key_{n}_last_used_region")),
                        Value(Field($"access_key_{n}_last_used_service"))));
            var row = new CredentialReportRow(user, Date(Field("user_creation_time")), Flag(Field("password_enabled")),
                Flag(Field("mfa_active")), keys);
            if (!rows.TryAdd(user, row)) ambiguous.Add(user);
        }
        foreach (var user in ambiguous) rows.Remove(user);
        return new(report.GeneratedTime, rows);
    }

    /// <summary>true or false; anything else (not_supported, a missing column) is not known.</summary>
    private static bool? Flag(string? value) => value switch { "true" => true, "false" => false, _ => null };

    private static string? Value(string? value) => value is null or "N/A" or "" ? null : value;

    private static DateTimeOffset? Date(string? value) =>
        Value(value) is { } v && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;
}
