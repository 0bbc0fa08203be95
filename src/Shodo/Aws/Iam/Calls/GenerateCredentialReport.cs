using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:GenerateCredentialReport — asks IAM to build the credential report (changes nothing else).</summary>
public sealed record GenerateCredentialReport : QueryCall<CredentialReportState>
{
    public override AwsOperation Operation => IamOperations.GenerateCredentialReport;
    public override CredentialReportState Read(XElement r) => CredentialReportState.From(r);
}
