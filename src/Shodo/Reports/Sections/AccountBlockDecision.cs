using System.Text.Json.Nodes;
using Shodo.Investigation.Model;

namespace Shodo.Reports.Sections;

/// <summary>
/// What the report says about the account's Block Public Access the attacker deleted or weakened: which settings it turned
/// off (open to everyone wherever a bucket's own settings leave it open), the setting now as collected, and — when no
/// containment action was planned for it — the command that turns those settings on again, keeping the ones on now.
/// </summary>
public static class AccountBlockDecision
{
    private static readonly string[] Settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

    public static string OpenTo(ReportContext r, AttackerResource d) => r.Text.Get("DoorAccountBlockOpenTo", string.Join(", ", TurnedOff(d)));

    public static string Text(ReportContext r, AttackerResource d)
    {
        var now = d.Attributes["settingNow"] as JsonObject;
        var said = now is null ? r.Text["Unknown"]
            : string.Join(", ", Settings.Select(s => $"{s}={(now[s]?.GetValue<bool>() == true ? "true" : "false")}"));
        var off = TurnedOff(d);
        var restore = string.Join(",", Settings.Select(s => $"{s}={(off.Contains(s) || now?[s]?.GetValue<bool>() == true ? "true" : "false")}"));
        return r.Text.Get("DoorAccountBlockReported", said, d.ResourceId, restore);
    }

    private static List<string> TurnedOff(AttackerResource d) =>
        (d.Attributes["turnedOff"] as JsonArray)?.Select(v => (string?)v).OfType<string>().ToList() ?? [];
}
