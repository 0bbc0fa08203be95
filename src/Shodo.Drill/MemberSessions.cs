using Shodo.Response.Accounts;

namespace Shodo.Drill;

/// <summary>Shodo's own sessions in the other accounts it entered (arn:…:sts::MEMBER:assumed-role/ROLE/shodo-CASE): their calls are Shodo's.</summary>
public static class MemberSessions
{
    public static bool IsShodo(string principalArn, string managementAccount) =>
        principalArn.Contains(":assumed-role/", StringComparison.Ordinal)
        && !principalArn.Contains($":{managementAccount}:", StringComparison.Ordinal)
        && principalArn[(principalArn.LastIndexOf('/') + 1)..].StartsWith(MemberAccountResponse.SessionPrefix, StringComparison.Ordinal);
}
