namespace Shodo.Range.State.Iam;

/// <summary>A console password. The range keeps only that one exists, never the password.</summary>
public sealed class LoginProfile
{
    public DateTimeOffset CreateDate { get; set; }
    public bool PasswordResetRequired { get; set; }
}
