using System.Globalization;
using System.Text.Json.Nodes;

namespace Shodo.Containment.Actions;

/// <summary>
/// Shodo's inline deny policy (AWS's "revoke active sessions" pattern, extended to long-term keys).
/// Statement 1 denies everything to credentials issued before the containment time — session and
/// federation tokens already minted, console sessions. Statement 2 denies everything to long-term
/// access keys (they carry no aws:TokenIssueTime), so a key the attacker created a moment ago is
/// useless even before it is set Inactive. For a compromised user the deny is unconditional: no identity
/// policy controls sts:GetSessionToken, so an Active key (or a console sign-in) mints sessions after any
/// cut-off, and only a deny that also covers those leaves nothing derived from the user able to act.
/// The conditional form remains for roles. The rolled-back version denies nothing: it matches no credential.
/// </summary>
public static class DenyPolicyDocument
{
    public const string SessionsSid = "ShodoDenyCredentialsIssuedBefore";
    public const string KeysSid = "ShodoDenyLongTermKeys";
    public const string AllSid = "ShodoDenyAll";
    public const string RolledBackSid = "ShodoRolledBackDeniesNothing";

    public static string Build(DateTimeOffset issuedBefore, bool unconditional, bool longTermKeys)
    {
        var statements = new JsonArray();
        if (unconditional) statements.Add(Deny(AllSid, null));
        else
        {
            statements.Add(Deny(SessionsSid, new JsonObject
            {
                ["DateLessThan"] = new JsonObject { ["aws:TokenIssueTime"] = Iso(issuedBefore) },
            }));
            if (longTermKeys)
                statements.Add(Deny(KeysSid, new JsonObject { ["Null"] = new JsonObject { ["aws:TokenIssueTime"] = "true" } }));
        }
        return Document(statements);
    }

    /// <summary>What roll-back leaves: Shodo's policy, denying only credentials issued before 2000 (none exist).</summary>
    public static string RolledBack() => Document(new JsonArray(Deny(RolledBackSid, new JsonObject
    {
        ["DateLessThan"] = new JsonObject { ["aws:TokenIssueTime"] = "2000-01-01T00:00:00Z" },
    })));

    /// <summary>Whether a policy document is Shodo's active deny (not the rolled-back one).</summary>
    public static bool IsActiveDeny(string? document) =>
        document is not null && (document.Contains(AllSid, StringComparison.Ordinal) || document.Contains(SessionsSid, StringComparison.Ordinal));

    private static string Document(JsonArray statements) =>
        new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements }.ToJsonString();

    private static JsonObject Deny(string sid, JsonObject? condition)
    {
        var s = new JsonObject { ["Sid"] = sid, ["Effect"] = "Deny", ["Action"] = "*", ["Resource"] = "*" };
        if (condition is not null) s["Condition"] = condition;
        return s;
    }

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
