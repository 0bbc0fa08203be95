namespace Shodo.Investigation.Identities;

/// <summary>Whose key it is: the account (STS GetAccessKeyInfo) and the IAM user (ListAccessKeys evidence).</summary>
public sealed record KeyOwner(string AccessKeyId, string? AccountId, string? UserName, string? Evidence, string? Problem);
