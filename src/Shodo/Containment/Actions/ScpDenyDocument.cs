using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Containment.Actions;

/// <summary>
/// Shodo's service control policy for one member account: statement 1 denies everything to the attacker's IAM users
/// there by aws:PrincipalArn, outright (their keys, the sessions they mint, the console); statement 2 denies everything
/// to sessions of the roles the attacker assumed (OrganizationAccountAccessRole...) issued before the containment time,
/// by aws:PrincipalArn and aws:TokenIssueTime, so a responder's session of the same role assumed afterwards still works.
/// The cut-off is rounded up to the next whole second (the condition compares whole seconds): a session issued in the
/// second the deny was made is denied too. Rolled back, the policy is <see cref="DenyPolicyDocument.RolledBack"/>.
/// </summary>
public static class ScpDenyDocument
{
    public const string UsersSid = "ShodoDenyAttackerUsers";
    public const string RoleSessionsSid = "ShodoDenyRoleSessionsIssuedBefore";

    public static string Build(IReadOnlyList<string> users, IReadOnlyList<string> roles, DateTimeOffset issuedBefore)
    {
        var statements = new JsonArray();
        if (users.Count > 0)
            statements.Add(Deny(UsersSid, new JsonObject { ["ArnEquals"] = new JsonObject { ["aws:PrincipalArn"] = Arns(users) } }));
        if (roles.Count > 0)
            statements.Add(Deny(RoleSessionsSid, new JsonObject
            {
                ["ArnEquals"] = new JsonObject { ["aws:PrincipalArn"] = Arns(roles) },
                ["DateLessThan"] = new JsonObject { ["aws:TokenIssueTime"] = CutOff(issuedBefore) },
            }));
        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements }.ToJsonString();
    }

    /// <summary>The cut-off as the condition compares it: the next whole second at or after <paramref name="t"/>, UTC.</summary>
    public static string CutOff(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        var whole = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (whole < utc) whole = whole.AddSeconds(1);
        return whole.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="content"/> is Shodo's active deny and names every planned user and role.</summary>
    public static bool Covers(string? content, IReadOnlyList<string> users, IReadOnlyList<string> roles)
    {
        if (content is null) return false;
        try
        {
            using var doc = JsonDocument.Parse(content);
            return users.All(u => Named(doc.RootElement, UsersSid).Contains(u)) && roles.All(r => Named(doc.RootElement, RoleSessionsSid).Contains(r));
        }
        catch (JsonException) { return false; }
    }

    /// <summary>Whether a policy's content is Shodo's active deny (not the rolled-back one).</summary>
    public static bool IsActive(string? content) =>
        content is not null && (content.Contains(UsersSid, StringComparison.Ordinal) || content.Contains(RoleSessionsSid, StringComparison.Ordinal));

    private static HashSet<string> Named(JsonElement policy, string sid)
    {
        var arns = new HashSet<string>(StringComparer.Ordinal);
        if (!policy.TryGetProperty("Statement", out var statements) || statements.ValueKind != JsonValueKind.Array) return arns;
        foreach (var s in statements.EnumerateArray())
        {
            if (!s.TryGetProperty("Sid", out var id) || id.GetString() != sid) continue;
            if (s.TryGetProperty("Condition", out var c) && c.TryGetProperty("ArnEquals", out var eq) && eq.TryGetProperty("aws:PrincipalArn", out var named))
                foreach (var arn in named.ValueKind == JsonValueKind.Array ? named.EnumerateArray().ToArray() : [named])
                    if (arn.GetString() is { } text) arns.Add(text);
        }
        return arns;
    }

    private static JsonArray Arns(IReadOnlyList<string> arns) => new(arns.Select(a => (JsonNode)a).ToArray());

    private static JsonObject Deny(string sid, JsonObject condition) =>
        new() { ["Sid"] = sid, ["Effect"] = "Deny", ["Action"] = "*", ["Resource"] = "*", ["Condition"] = condition };
}
