using Shodo.Evidence;
using Reasons = Shodo.Investigation.Sources.LogFiles.OrganizationTrailChoice.Reasons;

namespace Shodo.Reports.Sections;

/// <summary>
/// Where a member account's events were read from, and why, in one sentence (issue 21, item 4): the organisation trail's
/// folder of the account through the management account, or the account's own LookupEvents and why not the trail (or why
/// reading it failed).
/// </summary>
public static class AccountEventsSource
{
    public static string Say(ReportText t, CoverageOrganizationTrail events) => events.Fallback is { } fallback
        ? t.Get("AccountEventsTrailFellBack", events.Trail ?? "-", fallback.Failed, events.ReadAs ?? "-", fallback.Code ?? fallback.Kind, fallback.Answer)
        : events.Reason switch
    {
        Reasons.Read => t.Get("AccountEventsFromOrganizationTrail", events.Trail ?? "-", events.Folder ?? "-", events.ReadAs ?? "-"),
        Reasons.NotCovering => t.Get("AccountEventsTrailNotCovering", events.Trail ?? "-"),
        Reasons.Unreadable => t["AccountEventsTrailUnreadable"],
        _ => t["AccountEventsNoOrganizationTrail"],
    };
}
