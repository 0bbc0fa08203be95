using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;

namespace Shodo.Containment.Record;

/// <summary>
/// containment-verification.json: the last verification's result — what is not yet contained and what
/// appeared since planning (attributed to an attacker identity through CloudTrail when the events show it).
/// A re-plan adds actions for the attributed new resources.
/// </summary>
public static class VerificationFile
{
    public const string Name = "containment-verification.json";
    public const string FormatName = "shodo-containment-verification/1";

    public static Task<DocumentRecord> WriteAsync(Case @case, VerificationResult result, CancellationToken ct) =>
        @case.Documents.WriteJsonAsync(Name, new JsonObject
        {
            ["format"] = FormatName,
            ["planSha256"] = result.PlanSha256,
            ["verifiedAt"] = result.VerifiedAt.ToUniversalTime().ToString("O"),
            ["contained"] = result.Contained,
            ["remaining"] = InvestigationFiles.ToNode(result.Remaining),
            ["newResources"] = InvestigationFiles.ToNode(result.NewResources),
            ["unread"] = UnreadItem.ToJson(result.Unread),
        }, ContainmentJournalKinds.Producer, ct);

    /// <summary>New resources the last verification attributed to an attacker identity.</summary>
    public static IReadOnlyList<AttackerResource> AttributedResources(CaseFolder folder)
    {
        var bytes = folder.Read(Name);
        if (bytes is null) return [];
        var root = JsonNode.Parse(bytes)!.AsObject();
        return (root["newResources"] as JsonArray ?? []).Select(n => n.Deserialize<AttackerResource>(InvestigationFiles.Json)!)
            .Where(r => r.CreatedBy is not null).ToList();
    }

    /// <summary>
    /// IAM users the last verification found new but could not attribute because CloudTrail could not be read for it
    /// (an unread <c>cloudtrail:creators</c>): created while the response ran, by someone the events cannot name.
    /// </summary>
    public static IReadOnlyList<AttackerResource> UnattributedUsersWhileBlind(CaseFolder folder)
    {
        if (folder.Read(Name) is not { } bytes) return [];
        var root = JsonNode.Parse(bytes)!.AsObject();
        if (!(root["unread"] as JsonArray ?? []).Any(u => ((string?)u?["scope"])?.StartsWith("cloudtrail:", StringComparison.Ordinal) == true)) return [];
        return (root["newResources"] as JsonArray ?? []).Select(n => n.Deserialize<AttackerResource>(InvestigationFiles.Json)!)
            .Where(r => r.CreatedBy is null && r.Type == ResourceTypes.User).ToList();
    }
}
