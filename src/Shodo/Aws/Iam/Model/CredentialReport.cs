using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Model;

/// <summary>GenerateCredentialReport's answer: STARTED, INPROGRESS or COMPLETE.</summary>
public sealed record CredentialReportState(string State, string? Description)
{
    public static CredentialReportState From(XElement r) => new(r.Required("State"), r.Text("Description"));
    public bool IsComplete => State == "COMPLETE";
}

/// <summary>The credential report: CSV (decoded from the base64 <c>Content</c>) and when it was generated.</summary>
public sealed record CredentialReport(byte[] Content, string? ReportFormat, DateTimeOffset? GeneratedTime)
{
    public static CredentialReport From(XElement r) =>
        new(Convert.FromBase64String(r.Text("Content") ?? ""), r.Text("ReportFormat"), r.Date("GeneratedTime"));

    public string Csv => System.Text.Encoding.UTF8.GetString(Content);
}
