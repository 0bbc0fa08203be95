using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>
/// iam:UpdateLoginProfile — only ever with PasswordResetRequired: the console password must be changed at the next
/// sign-in (containment sets true; reversible). Shodo never sends a Password: the login profile and its password stay.
/// </summary>
public sealed record UpdateLoginProfile(string UserName, bool PasswordResetRequired) : QueryCall<NoContent>
{
    public override AwsOperation Operation => IamOperations.UpdateLoginProfile;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName).Add("PasswordResetRequired", PasswordResetRequired);
    public override NoContent Read(XElement r) => default;
}
