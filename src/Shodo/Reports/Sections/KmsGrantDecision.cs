using System.Text.Json.Nodes;
using Shodo.Containment;
using Shodo.Investigation.Model;

namespace Shodo.Reports.Sections;

/// <summary>
/// What the report says of a KMS grant the attacker created for another account: the grant, its operations and what was
/// decided — revoked (when, an approved destructive step: a grant cannot be re-created identically), waiting for a person
/// (the journal's reason), gone from the key when it was recorded, or not revoked, with the command that revokes it once a
/// person decides (src/Shodo/Containment/README.md).
/// </summary>
public static class KmsGrantDecision
{
    /// <summary>The store the grant opens: the key (its ARN as collected, else its id).</summary>
    public static string Key(AttackerResource grant) => (string?)grant.Attributes["keyArn"] ?? (string?)grant.Attributes["keyId"] ?? grant.ResourceId;

    /// <summary>Whom it lets in: the grantee principal, and a retiring principal of its own when there is one.</summary>
    public static string OpenTo(ReportContext r, AttackerResource grant)
    {
        var grantee = (string?)grant.Attributes["granteePrincipal"] ?? r.Text["Unknown"];
        return grant.Attributes["retiringPrincipal"] is JsonValue retiring && (string?)retiring is { } who && who != grantee
            ? r.Text.Get("DoorKmsGrantRetiring", grantee, who) : grantee;
    }

    public static string Text(ReportContext r, AttackerResource grant)
    {
        var t = r.Text;
        var grantId = (string?)grant.Attributes["grantId"] ?? grant.ResourceId;
        var operations = grant.Attributes["operations"] is JsonArray o && o.Count > 0 ? string.Join(", ", o.Select(v => (string?)v)) : t["Unknown"];
        var actions = r.Facts.Containment.Actions
            .Where(a => a.Target is { } target && target.StartsWith(TargetKinds.KmsGrant + ":", StringComparison.Ordinal)
                        && target.EndsWith(":" + grant.ResourceId, StringComparison.Ordinal)
                        && (grant.Region is null || target.Contains(":" + grant.Region + ":", StringComparison.Ordinal)))
            .OrderBy(a => a.OutcomeAt ?? a.BeforeAt).ToList();
        if (actions.LastOrDefault(a => a.Outcome is "done" or "already-done") is { } done)
            return t.Get("DoorKmsGrantRevokedAt", r.When(done.OutcomeAt), grantId, operations);
        if (actions.LastOrDefault() is { } waiting)
            return t.Get("DoorKmsGrantNotRevoked", ActionWords.Why(r, waiting), grantId, operations);
        if (grant.Attributes["openNow"] is JsonValue open && !(bool)open)
            return t.Get("DoorKmsGrantGone", grantId, operations);
        return t.Get("DoorKmsGrantReported", grantId, operations, grant.Region ?? "-", (string?)grant.Attributes["keyId"] ?? Key(grant));
    }
}
