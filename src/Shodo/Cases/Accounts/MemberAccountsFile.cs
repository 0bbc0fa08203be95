using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Shodo.Cases.Accounts;

/// <summary>accounts.json in the parent case: every member account entered or not, written (and journaled with its hash) once all ended.</summary>
public static class MemberAccountsFile
{
    public const string Name = "accounts.json";
    public const string Format = "shodo-accounts/1";

    /// <summary>camelCase, nulls omitted.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task WriteAsync(Case @case, IEnumerable<MemberAccountOutcome> outcomes, CancellationToken ct) =>
        @case.Documents.WriteJsonAsync(Name, new JsonObject
        {
            ["format"] = Format,
            ["accounts"] = new JsonArray(outcomes.Select(o => JsonSerializer.SerializeToNode(o, Json)).ToArray()),
        }, MemberAccountJournalKinds.Producer, ct);

    /// <summary>The accounts recorded; none when the response entered no other account.</summary>
    public static IReadOnlyList<MemberAccountOutcome> Read(CaseFolder folder)
    {
        if (folder.Read(Name) is not { } bytes) return [];
        return JsonNode.Parse(bytes)!["accounts"]!.AsArray().Select(n => n.Deserialize<MemberAccountOutcome>(Json)!).ToList();
    }

    /// <summary>A member's sub-case as any reader sees it.</summary>
    public static CaseFolder SubCase(CaseFolder parent, MemberAccountOutcome account) =>
        CaseFolder.At(Path.Combine(parent.Directory, account.Case!));
}
