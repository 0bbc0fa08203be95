using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// Roles only AWS may change: IAM Identity Center's (<c>AWSReservedSSO_*</c>, path
/// <c>/aws-reserved/sso.amazonaws.com/</c>) and service-linked roles (path <c>/aws-service-role/</c>). Putting,
/// attaching, detaching or deleting a policy on one fails with UnmodifiableEntity (HTTP 400), as in AWS.
/// </summary>
public static class ProtectedRoles
{
    public const string IdentityCenterPath = "/aws-reserved/sso.amazonaws.com/";
    public const string ServiceLinkedPath = "/aws-service-role/";

    public static bool IsProtected(IamRole role) =>
        role.Path.StartsWith(IdentityCenterPath, StringComparison.Ordinal) || role.Path.StartsWith(ServiceLinkedPath, StringComparison.Ordinal);

    /// <summary>Throws UnmodifiableEntity when the call's holder is a protected role.</summary>
    public static void RefuseChange(PolicyHolder holder, AwsCall call)
    {
        if (holder.Kind != "Role" || call.State.Iam.Role(call.Request.RequiredParam(holder.NameParameter)) is not { } role) return;
        if (IsProtected(role))
            throw IamErrors.Unmodifiable($"Cannot perform the operation on the protected role '{role.RoleName}' - this role is only modifiable by AWS");
    }
}
