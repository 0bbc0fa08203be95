using Shodo.Reports.Facts;
using Shodo.Containment.Record;

namespace Shodo.Reports.Sections;

/// <summary>
/// A containment action in the report's language: what it does (from the registered action's name, else the plan's
/// description) and why it waits or failed (Shodo's reason in the report's language; a reason the journal kept in one
/// language only — an AWS error, an older case — is quoted as recorded).
/// </summary>
public static class ActionWords
{
    public static string What(ReportContext r, RecordedAction a)
    {
        var slash = a.ActionId.IndexOf('/');
        if (slash > 0)
        {
            var name = a.ActionId[..slash];
            var word = r.Text.Word("ActionKind", name);
            if (word != name) return word;
        }
        return a.Description ?? a.Operation ?? a.ActionId;
    }

    public static string Why(ReportContext r, RecordedAction a) => a.Reason switch
    {
        null => "-",
        var reason when a.Reasons is not null => r.Say(a.Reasons, reason),
        var reason => r.Text.Get("ReasonAsRecorded", reason),
    };
}
