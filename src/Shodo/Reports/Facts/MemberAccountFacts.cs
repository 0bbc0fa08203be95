using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Investigation.Model;

namespace Shodo.Reports.Facts;

/// <summary>
/// One other account of the organisation the response entered (or could not): how it ended (accounts.json) and, when
/// entered, what its own investigation confirmed there and what its containment did, read from its sub-case.
/// </summary>
public sealed record MemberAccountFacts(MemberAccountOutcome Outcome, IReadOnlyList<AttackerIdentity> Identities, IReadOnlyList<AttackerResource> Resources)
{
    /// <summary>Each containment action of the account's sub-case, as its journal recorded it.</summary>
    public IReadOnlyList<Containment.Record.RecordedAction> Actions { get; init; } = [];

    /// <summary>Where its investigation read its events (the organisation trail, or LookupEvents and why), from its coverage.json.</summary>
    public Evidence.CoverageOrganizationTrail? EventsFrom { get; init; }

    public static IReadOnlyList<MemberAccountFacts> Read(CaseFolder folder) => MemberAccountsFile.Read(folder).Select(o =>
    {
        if (!o.Entered || o.Case is null) return new MemberAccountFacts(o, [], []);
        var sub = MemberAccountsFile.SubCase(folder, o);
        return new MemberAccountFacts(o,
            InvestigationFiles.ReadIdentities(sub).Where(i => i.Confidence == Confidence.Confirmed).ToList(),
            InvestigationFiles.ReadResources(sub))
        {
            Actions = Containment.Record.ContainmentReader.Read(JournalReader.Read(sub), null).Actions,
            EventsFrom = Evidence.CoverageFile.Read(sub)?.Investigation?.OrganizationTrail,
        };
    }).ToList();
}
