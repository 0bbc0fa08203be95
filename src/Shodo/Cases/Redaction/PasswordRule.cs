namespace Shodo.Cases.Redaction;

/// <summary>
/// Passwords: IAM CreateLoginProfile / UpdateLoginProfile / ChangePassword, RDS master passwords,
/// and EC2 GetPasswordData's encrypted Windows password.
/// </summary>
public sealed class PasswordRule : IRedactionRule
{
    public IReadOnlyList<string> SecretFields { get; } =
        ["Password", "NewPassword", "OldPassword", "MasterUserPassword", "PasswordData"];
}
