using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListMFADevices — a user's MFA devices.</summary>
public sealed record ListMFADevices(string? UserName = null) : IamPagedCall<MfaDevice>
{
    public override AwsOperation Operation => IamOperations.ListMFADevices;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName);
    public override IReadOnlyList<MfaDevice> Read(XElement r) => r.Items("MFADevices").Select(MfaDevice.From).ToList();
}
