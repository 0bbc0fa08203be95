using System.Text.Json;
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
        @case.Documents.WriteJsonAsync(Name, InvestigationFiles.ToNode(VerificationDocument.Of(result)), ContainmentJournalKinds.Producer, ct);

    /// <summary>The last verification's document, or null when containment has not verified yet.</summary>
    public static VerificationDocument? Read(CaseFolder folder) =>
        folder.Read(Name) is { } bytes ? JsonSerializer.Deserialize<VerificationDocument>(bytes, InvestigationFiles.Json) : null;

    /// <summary>New resources the last verification attributed to an attacker identity.</summary>
    public static IReadOnlyList<AttackerResource> AttributedResources(CaseFolder folder) =>
        Read(folder) is { } document ? document.NewResources.Where(r => r.CreatedBy is not null).ToList() : [];

    /// <summary>
    /// IAM users the last verification found new but could not attribute because CloudTrail could not be read for it
    /// (an unread <c>cloudtrail:creators</c>): created while the response ran, by someone the events cannot name.
    /// </summary>
    public static IReadOnlyList<AttackerResource> UnattributedUsersWhileBlind(CaseFolder folder)
    {
        if (Read(folder) is not { } document
            || !document.Unread.Any(u => u.Scope.StartsWith("cloudtrail:", StringComparison.Ordinal))) return [];
        return document.NewResources.Where(r => r.CreatedBy is null && r.Type == ResourceTypes.User).ToList();
    }
}
