using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Shodo.Cases;

namespace Shodo.Investigation.Model;

/// <summary>
/// The documents an investigation writes into the case (see docs/investigation-format.md) and how to
/// read them back (through the case's <see cref="CaseFolder"/>, so readers that must not take the lock read them
/// too): containment plans from identities.json and attacker-resources.json, reports from all.
/// </summary>
public static class InvestigationFiles
{
    public const string Findings = "findings.json";
    public const string Timeline = "timeline.jsonl";
    public const string Identities = "identities.json";
    public const string AttackerResources = "attacker-resources.json";
    public const string Impact = "impact.json";
    public const string Coverage = "coverage.json";
    /// <summary>The other accounts the attacker entered by AssumeRole (written only when there is one).</summary>
    public const string AccountsReached = "accounts-reached.json";

    public const string IdentitiesFormat = "shodo-identities/1";
    public const string AttackerResourcesFormat = "shodo-attacker-resources/1";
    public const string FindingsFormat = "shodo-findings/1";
    public const string AccountsReachedFormat = "shodo-accounts-reached/1";
    public const string ImpactFormat = "shodo-impact/1";

    /// <summary>camelCase, enums as kebab-case strings, nulls omitted.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Json)!;

    public static Task<DocumentRecord> WriteAsync<T>(Case @case, string name, string format, string listName,
        IEnumerable<T> items, CancellationToken ct = default) =>
        @case.Documents.WriteJsonAsync(name, new JsonObject
        {
            ["format"] = format,
            [listName] = new JsonArray(items.Select(i => ToNode(i)).ToArray()),
        }, InvestigationJournalKinds.Producer, ct);

    public static IReadOnlyList<AttackerIdentity> ReadIdentities(CaseFolder folder) =>
        ReadList<AttackerIdentity>(folder, Identities, "identities");

    public static IReadOnlyList<AttackerResource> ReadResources(CaseFolder folder) =>
        ReadList<AttackerResource>(folder, AttackerResources, "resources");

    public static IReadOnlyList<Finding> ReadFindings(CaseFolder folder) =>
        ReadList<Finding>(folder, Findings, "findings");

    public static Impact? ReadImpact(CaseFolder folder) =>
        folder.Read(Impact) is { } bytes ? JsonSerializer.Deserialize<Impact>(bytes, Json) : null;

    /// <summary>The other accounts the attacker entered (none when the file is absent: it is written only when there is one).</summary>
    public static IReadOnlyList<Identities.AccountReached> ReadAccountsReached(CaseFolder folder) =>
        ReadList<Identities.AccountReached>(folder, AccountsReached, "accounts");

    internal static List<T> ReadList<T>(CaseFolder folder, string name, string listName)
    {
        if (folder.Read(name) is not { } bytes) return [];
        var root = JsonNode.Parse(bytes)!.AsObject();
        return root[listName]!.AsArray().Select(n => n.Deserialize<T>(Json)!).ToList();
    }
}
