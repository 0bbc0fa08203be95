using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;

namespace Shodo.Response;

/// <summary>Everything the steps of one response share: the case, the AWS connection, who Shodo runs as, the configuration.</summary>
public sealed class ResponseSession(
    Case @case, AwsConnection aws, CallerIdentity responder, ShodoConfiguration configuration, ResponseRequest request,
    TimeProvider time, IResponseProgress progress, IMilestoneNotifier milestones)
{
    public Case Case { get; } = @case;
    public AwsConnection Aws { get; } = aws;
    /// <summary>The identity Shodo runs as: never contained by its own plan.</summary>
    public CallerIdentity Responder { get; } = responder;
    public ShodoConfiguration Configuration { get; } = configuration;
    public ResponseRequest Request { get; } = request;
    public TimeProvider Time { get; } = time;
    public IResponseProgress Progress { get; } = progress;
    public IMilestoneNotifier Milestones { get; } = milestones;

    /// <summary>
    /// Asks the person at the keyboard to allow applying the plan's actions within their authority
    /// (a typed confirmation of the account id); null when nobody can be asked (then only --yes applies).
    /// </summary>
    public Func<Containment.Plan.ContainmentPlan, CancellationToken, Task<bool>>? Confirm { get; init; }

    /// <summary>How the case was opened (journal key, clock, actor): a member account's sub-case is opened the same way.</summary>
    public CaseOptions? CaseOptions { get; init; }

    /// <summary>What the check before the case learnt of the leaked key (its user, or who CloudTrail showed using it); null on a resume.</summary>
    public Investigation.Identities.LeakedKeyCheckResult? CheckedKey { get; init; }

    /// <summary>The account's snapshot being recorded beside the pursuit (<see cref="Steps.CollectStep.Begin"/>); the collect step awaits it.</summary>
    public Task<Evidence.CollectionResult>? CollectionUnderway { get; set; }

    /// <summary>The leaked key's trail being read beside the first move (<see cref="Steps.PursueStep.Begin"/>); the pursuit awaits it.</summary>
    public Task<Investigation.Pursuit.PursuitReading>? PursuitUnderway { get; set; }

    /// <summary>The member accounts entered as soon as the pursuit saw the attacker enter them (<see cref="Steps.MemberAccountsStep.Begin"/>); the accounts step awaits them.</summary>
    public Accounts.MembersBegun? MembersUnderway { get; set; }

    /// <summary>
    /// What every plan of this response leaves out, whatever its input (the pursuit's, the investigation's, the watch's):
    /// in a member account, the sessions of the role Shodo entered by (<see cref="Accounts.ResponderRoleSessions"/>).
    /// </summary>
    public Func<Containment.Planning.PlanningInput, Containment.Planning.PlanningInput>? LeftOut { get; init; }

    /// <summary>
    /// A member account's: where its investigation reads its events, the parent's organisation trail or its own LookupEvents
    /// (<see cref="Accounts.ParentOrganizationTrail"/>); null for the responder's own account.
    /// </summary>
    public Func<CancellationToken, Task<Investigation.Sources.LogFiles.OrganizationTrailChoice>>? OrganizationTrail { get; init; }

    /// <summary>The LookupEvents reads of this response: the investigation and each look of the watch ask AWS only for what is new.</summary>
    public Investigation.Sources.Lookup.LookupsRead LookupsRead { get; } = new();

    /// <summary>Shodo's own sessions in the member accounts this response entered: the organisation lever's SCP spares them.</summary>
    public Containment.Planning.ResponderMemberSessions MemberSessions { get; } = new();

    public Task<bool> ConfirmAsync(Containment.Plan.ContainmentPlan plan, CancellationToken ct) =>
        Confirm is null ? Task.FromResult(false) : Confirm(plan, ct);
}
