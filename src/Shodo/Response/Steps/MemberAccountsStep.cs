using Shodo.Response.Accounts;

namespace Shodo.Response.Steps;

/// <summary>
/// After the responder's own account is contained: the same response in every other account asked for or reached by the
/// attacker (<see cref="MemberAccountResponse"/>), in parallel. Done at once, with no call, when there is none. Incomplete
/// when an account could not be entered or is not contained there (each named in accounts.json and the report).
/// </summary>
public sealed class MemberAccountsStep : IResponseStep
{
    public const string StepName = "accounts";

    public string Name => StepName;

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var outcomes = await new MemberAccountResponse(session, session.Request.Members, session.CaseOptions ?? new Cases.CaseOptions(), Name)
            .RunAsync(ct).ConfigureAwait(false);
        if (outcomes.Count == 0) return StepResult.Done(Localization.Messages.Get("AccountsNone"));
        var detail = Localization.Messages.Get("AccountsDetail", outcomes.Count(o => o.Entered), outcomes.Count(o => o.Contained),
            outcomes.Count(o => !o.Entered));
        var complete = outcomes.All(o => o.Entered && (o.Contained || o.Outcome == "done"));
        return new StepResult(complete ? StepOutcome.Done : StepOutcome.Incomplete, detail);
    }
}
