using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;

namespace Shodo.Reports.Machine;

/// <summary>
/// Each finding as an OCSF Detection Finding (class 2004, category 2 Findings, activity 1 Create,
/// type_uid 200401), schema 1.3.0: the required attributes (activity_id, category_uid, class_uid,
/// finding_info.uid/title, metadata.product/version, severity_id, time, type_uid) and the
/// recommended status, message, cloud, resources, and the ATT&amp;CK techniques.
/// </summary>
public static class OcsfFindings
{
    public const string SchemaVersion = "1.3.0";
    public const int ClassUid = 2004;
    public const int CategoryUid = 2;
    public const int ActivityCreate = 1;

    public static JsonArray Build(ReportContext r) => new(r.Facts.Findings.Select(f => (JsonNode)Finding(r, f)).ToArray());

    public static JsonObject Finding(ReportContext r, Finding f)
    {
        var time = f.LastSeen ?? f.FirstSeen ?? r.Facts.GeneratedAt;
        var resources = r.Facts.Resources.Where(x => f.Resources.Contains(x.Id)).ToList();
        var info = new JsonObject
        {
            ["uid"] = f.Id,
            ["title"] = f.Title,
            ["desc"] = f.Summary,
            ["analytic"] = new JsonObject { ["uid"] = f.RuleId, ["name"] = f.Rule?.Title ?? f.Title, ["type_id"] = 1, ["type"] = "Rule" },
            ["attacks"] = new JsonArray(f.Techniques.Select(t => (JsonNode)new JsonObject
            {
                ["technique"] = new JsonObject { ["uid"] = t },
                ["tactic"] = f.Tactic is null ? null : new JsonObject { ["name"] = f.Tactic },
                ["version"] = "14",
            }).ToArray()),
            ["related_events"] = new JsonArray(f.EventIds.Select(e => (JsonNode)new JsonObject { ["uid"] = e, ["product_uid"] = "cloudtrail" }).ToArray()),
        };
        if (f.Tactic is not null) info["types"] = new JsonArray(f.Tactic);
        if (f.FirstSeen is { } first) info["first_seen_time"] = MachineJson.EpochMilliseconds(first);
        if (f.LastSeen is { } last) info["last_seen_time"] = MachineJson.EpochMilliseconds(last);
        var json = new JsonObject
        {
            ["activity_id"] = ActivityCreate,
            ["activity_name"] = "Create",
            ["category_uid"] = CategoryUid,
            ["category_name"] = "Findings",
            ["class_uid"] = ClassUid,
            ["class_name"] = "Detection Finding",
            ["type_uid"] = ClassUid * 100 + ActivityCreate,
            ["type_name"] = "Detection Finding: Create",
            ["severity_id"] = SeverityId(f.Severity),
            ["severity"] = f.Severity.ToString(),
            ["status_id"] = 1,
            ["status"] = "New",
            ["time"] = MachineJson.EpochMilliseconds(time),
            ["message"] = f.Summary,
            ["finding_info"] = info,
            ["metadata"] = new JsonObject
            {
                ["version"] = SchemaVersion,
                ["product"] = new JsonObject { ["name"] = "Shodo", ["vendor_name"] = "Shodo", ["version"] = CaseManifest.CurrentShodoVersion },
                ["uid"] = $"{r.Facts.Manifest.Id}/{f.Id}",
                ["logged_time"] = MachineJson.EpochMilliseconds(r.Facts.GeneratedAt),
            },
            ["cloud"] = new JsonObject
            {
                ["provider"] = "AWS",
                ["account"] = r.Facts.AccountId is { } account ? new JsonObject { ["uid"] = account, ["type_id"] = 10, ["type"] = "AWS Account" } : null,
            },
            ["resources"] = new JsonArray(resources.Select(x => (JsonNode)new JsonObject
            {
                ["uid"] = x.ResourceId, ["type"] = x.Type, ["name"] = x.Name, ["region"] = x.Region,
            }).ToArray()),
            ["unmapped"] = new JsonObject
            {
                ["shodo_case_id"] = r.Facts.Manifest.Id,
                ["shodo_identities"] = new JsonArray(f.Identities.Select(i => (JsonNode)i!).ToArray()),
            },
        };
        RemoveNulls(json);
        return json;
    }

    /// <summary>OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical.</summary>
    public static int SeverityId(Severity severity) => severity switch
    {
        Severity.Informational => 1,
        Severity.Low => 2,
        Severity.Medium => 3,
        Severity.High => 4,
        Severity.Critical => 5,
        _ => 0,
    };

    private static void RemoveNulls(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
            foreach (var p in o) RemoveNulls(p.Value);
        }
        else if (node is JsonArray a) foreach (var item in a) RemoveNulls(item);
    }
}
