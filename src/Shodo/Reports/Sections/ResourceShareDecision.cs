using System.Text.Json.Nodes;
using Shodo.Investigation.Model;

namespace Shodo.Reports.Sections;

/// <summary>
/// What the report says Shodo did to a RAM share the attacker opened to an outside account: nothing, by decision
/// (src/Shodo/Containment/README.md), with what it shares and the command that would close it once a person decides.
/// </summary>
public static class ResourceShareDecision
{
    public static string Text(ReportContext r, AttackerResource share)
    {
        string Join(string name) => share.Attributes[name] is JsonArray a && a.Count > 0
            ? string.Join(", ", a.Select(v => (string?)v)) : r.Text["Unknown"];
        var principals = share.Attributes["sharedWith"] is JsonArray who ? string.Join(" ", who.Select(v => (string?)v)) : "ACCOUNT";
        return r.Text.Get("DoorRamReported", Join("resources"), share.Region ?? "-", share.ResourceId, principals);
    }
}
