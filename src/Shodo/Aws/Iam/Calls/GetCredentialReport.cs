using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>
/// iam:GetCredentialReport — the report as CSV. Before it exists IAM answers ReportNotPresent,
/// while it is being built ReportInProgress, when stale ReportExpired (codes from the model).
/// </summary>
public sealed record GetCredentialReport : QueryCall<CredentialReport>
{
    public override AwsOperation Operation => IamOperations.GetCredentialReport;
    public override CredentialReport Read(XElement r) => CredentialReport.From(r);
}
