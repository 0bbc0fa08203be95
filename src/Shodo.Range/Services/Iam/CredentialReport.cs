using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// The credential report: one CSV line per user (and the root account) with AWS's columns.
/// Generation takes time, as on AWS: the first call answers STARTED, later ones INPROGRESS until the report
/// is ready (<see cref="GenerationTime"/> on the range's clock), then COMPLETE; GetCredentialReport answers
/// ReportInProgress meanwhile. The report is a snapshot of the moment it was generated; a report under
/// 4 hours old is not generated again (COMPLETE at once, its GeneratedTime unchanged); it expires after 4 hours.
/// </summary>
public sealed class GenerateCredentialReport : IamAction
{
    public static readonly TimeSpan GenerationTime = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    public override string Name => "GenerateCredentialReport";
    public override bool ReadOnly => true;

    public override AwsResponse Handle(AwsCall call)
    {
        var iam = Iam(call);
        var fresh = iam.CredentialReportGeneratedAt is { } at && call.Now - at < Lifetime;
        if (!fresh)
        {
            iam.CredentialReportGeneratedAt = call.Now;
            iam.CredentialReportReadyAt = call.Now + GenerationTime;
            iam.CredentialReport = CredentialReportCsv.Build(call.State.AccountId, iam, call.Now, call.State.Partition);
            return new XmlResult(Xml.E("State", "STARTED")!,
                Xml.E("Description", "No report exists. Starting a new report generation task")!);
        }
        return call.Now < iam.CredentialReportReadyAt ? new XmlResult(Xml.E("State", "INPROGRESS")!) : new XmlResult(Xml.E("State", "COMPLETE")!);
    }
}

public sealed class GetCredentialReport : IamAction
{
    public override string Name => "GetCredentialReport";

    public override AwsResponse Handle(AwsCall call)
    {
        var iam = Iam(call);
        if (iam.CredentialReport is not { } report || iam.CredentialReportGeneratedAt is not { } at)
            throw new AwsError("ReportNotPresent",
                "Credential report is not present. Use GenerateCredentialReport to generate a report.", 410);
        if (call.Now < iam.CredentialReportReadyAt)
            throw new AwsError("ReportInProgress", "Credential report generation is in progress.", 404);
        if (call.Now - at >= GenerateCredentialReport.Lifetime)
            throw new AwsError("ReportExpired",
                "Credential report is expired. Use GenerateCredentialReport to generate a new report.", 410);
        return new XmlResult(Xml.E("Content", Convert.ToBase64String(Encoding.UTF8.GetBytes(report)))!,
            Xml.E("ReportFormat", "text/csv")!, Xml.E("GeneratedTime", at)!);
    }
}

public static class CredentialReportCsv
{
    public const string Header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation," +
        "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date," +
        "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated," +
        "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active," +
        "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    public static string Build(string accountId, IamAccount iam, DateTimeOffset now, string partition = State.RangePartitions.Aws)
    {
        var lines = new List<string> { Header };
        var created = iam.Users.Values.Select(u => u.CreateDate).DefaultIfEmpty(now).Min();
        var root = new List<string> { "<root_account>", $"arn:{partition}:iam::{accountId}:root", Date(created), "not_supported", "N/A",
            "not_supported", "not_supported", "false" };
        root.AddRange(KeyColumns(iam.RootAccessKeys.OrderBy(k => k.CreateDate).Take(2).ToList()));
        root.AddRange(["false", "N/A", "false", "N/A"]);
        lines.Add(string.Join(',', root));
        foreach (var user in iam.Users.Values.OrderBy(u => u.CreateDate))
        {
            var keys = iam.KeysOf(user.UserName).Take(2).ToList();
            var fields = new List<string>
            {
                user.UserName, user.Arn, Date(user.CreateDate),
                user.LoginProfile is null ? "false" : "true",
                user.LoginProfile is null ? "N/A" : user.PasswordLastUsed is { } used ? Date(used) : "no_information",
                user.LoginProfile is { } p ? Date(p.CreateDate) : "N/A",
                "N/A",
                user.MfaDevices.Count > 0 ? "true" : "false",
            };
            fields.AddRange(KeyColumns(keys));
            fields.AddRange(["false", "N/A", "false", "N/A"]);
            lines.Add(string.Join(',', fields));
        }
        return string.Join('\n', lines);
    }

    /// <summary>access_key_1_* and access_key_2_*: active, last rotated, last used date, region, service.</summary>
    private static IEnumerable<string> KeyColumns(IReadOnlyList<AccessKey> keys)
    {
        for (var i = 0; i < 2; i++)
        {
            var key = i < keys.Count ? keys[i] : null;
            yield return key?.IsActive == true ? "true" : "false";
            yield return key is null ? "N/A" : Date(key.CreateDate);
            yield return key?.LastUsedDate is { } d ? Date(d) : "N/A";
            yield return key?.LastUsedRegion ?? "N/A";
            yield return key?.LastUsedService ?? "N/A";
        }
    }

    private static string Date(DateTimeOffset d) =>
        d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
