using Shodo.Containment.Planning;

namespace Shodo.Response.Steps;

/// <summary>
/// What a containment round plans from: the step's own input (the investigation's documents when it has none), less what
/// the response leaves out of every plan (<see cref="ResponseSession.LeftOut"/>).
/// </summary>
public static class ContainmentInput
{
    /// <summary>With Shodo's own sessions in the members it entered (<see cref="ResponseSession.MemberSessions"/>), which the SCP spares.</summary>
    public static PlanningInput Of(ResponseSession session, Func<ResponseSession, PlanningInput>? input) =>
        (session.LeftOut is { } leftOut
            ? leftOut(input?.Invoke(session) ?? PlanningInput.FromCase(session.Case.Folder))
            : input?.Invoke(session) ?? PlanningInput.FromCase(session.Case.Folder)) with { MemberSessions = session.MemberSessions };
}
