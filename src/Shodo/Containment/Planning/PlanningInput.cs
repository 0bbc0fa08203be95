using Shodo.Cases;
using Shodo.Containment.Record;
using Shodo.Investigation.Model;

using Shodo.Containment.Plan;

namespace Shodo.Containment.Planning;

/// <summary>
/// What a plan contains: the attacker's confirmed identities, the resources attributed to them and the findings that
/// explain them. The whole plan takes them from the investigation's documents (<see cref="FromCase"/>); the pursuit takes
/// them from the few events it has read, while the snapshot is still being recorded (<see cref="LiveBaseline"/>).
/// </summary>
public sealed record PlanningInput(IReadOnlyList<AttackerIdentity> Identities, IReadOnlyList<AttackerResource> Resources,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// Read the baseline (users, instances per region) from AWS now, not from the collection: set while the collection is
    /// still running, when what it stored so far is part of the account.
    /// </summary>
    public bool LiveBaseline { get; init; }

    /// <summary>
    /// The baseline read when the pursuit began (<see cref="Planner.ReadBaselineAsync"/>), instead of one read at planning:
    /// what the attacker launched while its trail was being read is then new to verification, not part of the account.
    /// </summary>
    public Task<BaselineRead>? Baseline { get; init; }

    /// <summary>In a member entered through the role the attacker also used: that role is denied only for sessions issued
    /// before Shodo's own (<see cref="ResponderSessionCut"/>); null everywhere else.</summary>
    public ResponderSessionCut? ResponderSession { get; init; }

    /// <summary>
    /// The accounts the attacker reached as the pursuit read them from the leaked key's own trail, for the organisation lever
    /// (<see cref="OrganizationLever"/>) before the investigation has written accounts-reached.json; null: that file.
    /// </summary>
    public IReadOnlyList<Investigation.Identities.AccountReached>? AccountsReached { get; init; }

    /// <summary>Shodo's own sessions in the member accounts it entered, which the organisation lever's SCP spares; null: none.</summary>
    public ResponderMemberSessions? MemberSessions { get; init; }

    /// <summary>The investigation's documents, and what the last verification attributed to the attacker.</summary>
    public static PlanningInput FromCase(CaseFolder folder) => new(
        InvestigationFiles.ReadIdentities(folder).Where(i => i.Confidence == Confidence.Confirmed).ToList(),
        InvestigationFiles.ReadResources(folder).Concat(VerificationFile.AttributedResources(folder)).ToList(),
        InvestigationFiles.ReadFindings(folder));
}

/// <summary>A baseline read from AWS, with what of it could not be read.</summary>
public sealed record BaselineRead(PlanBaseline Baseline, IReadOnlyList<string> Evidence, IReadOnlyList<UnreadItem> Unread);
