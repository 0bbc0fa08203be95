using Shodo.Cases.Accounts;

namespace Shodo.Response.Accounts;

/// <summary>
/// The member accounts entered as soon as the pursuit saw the attacker enter them (<see cref="Steps.MemberAccountsStep.Begin"/>),
/// their responses running beside the responder's own: which accounts, and their outcomes to come. The accounts step awaits
/// them and enters only the others.
/// </summary>
public sealed record MembersBegun(IReadOnlySet<string> Accounts, Task<IReadOnlyList<MemberAccountOutcome>> Outcomes);
