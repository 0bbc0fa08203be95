using Shodo.Investigation.Identities;
using Shodo.Response.Accounts;

namespace Shodo.Response.Steps;

/// <summary>
/// The same response in every other account asked for or reached by the attacker (<see cref="MemberAccountResponse"/>), in
/// parallel: those the pursuit saw the attacker enter from the leaked key's own trail are entered at once (<see cref="Begin"/>),
/// beside the responder's own account; this step, after it is contained, awaits them and enters the others (given, in the
/// organisation, or found by the whole investigation). Done at once, with no call, when there is none. Incomplete when an
/// account could not be entered or is not contained there (each named in accounts.json and the report).
/// </summary>
public sealed class MemberAccountsStep : IResponseStep
{
    public const string StepName = "accounts";

    public string Name => StepName;

    /// <summary>
    /// Enters, in the background, the accounts <paramref name="reached"/> names (the pursuit's reading of the leaked key's
    /// trail, <see cref="AccountsReached"/>): each member's own response starts now, not after the responder's account is
    /// contained. Once per response, and only where this step follows (a member's own response enters no further account).
    /// </summary>
    public static void Begin(ResponseSession session, IReadOnlyList<AccountReached> reached, CancellationToken ct)
    {
        if (session.MembersUnderway is not null || session.Request.Members.OnlyThisAccount) return;
        var accounts = MemberAccountSelection.Reached(session.Responder.Account, session.Request.Members, reached);
        if (accounts.Count == 0) return;
        var response = Response(session);
        // Announced before any plan may look (a plan made meanwhile waits for their sessions), those entered at once only.
        session.MemberSessions.Entering(accounts.Take(Math.Max(1, session.Request.Members.AtOnce)).Select(a => a.AccountId));
        session.MembersUnderway = new MembersBegun(accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal),
            Task.Run(() => response.EnterAsync(accounts, ct), ct));
    }

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var begun = session.MembersUnderway;
        session.MembersUnderway = null;
        var outcomes = await Response(session).RunAsync(begun, ct).ConfigureAwait(false);
        if (outcomes.Count == 0) return StepResult.Done(Localization.Messages.Get("AccountsNone"));
        var detail = Localization.Messages.Get("AccountsDetail", outcomes.Count(o => o.Entered), outcomes.Count(o => o.Contained),
            outcomes.Count(o => !o.Entered));
        var complete = outcomes.All(o => o.Entered && (o.Contained || o.Outcome == "done"));
        return new StepResult(complete ? StepOutcome.Done : StepOutcome.Incomplete, detail);
    }

    private static MemberAccountResponse Response(ResponseSession session) =>
        new(session, session.Request.Members, session.CaseOptions ?? new Cases.CaseOptions(), StepName);
}
