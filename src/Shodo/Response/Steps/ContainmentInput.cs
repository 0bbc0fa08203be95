using Shodo.Containment.Planning;

namespace Shodo.Response.Steps;

/// <summary>
/// What a containment round plans from: the step's own input (the investigation's documents when it has none), less what
/// the response leaves out of every plan (<see cref="ResponseSession.LeftOut"/>).
/// </summary>
public static class ContainmentInput
{
    /// <summary>Null (the planner reads the investigation's documents itself) when the step has no input and nothing is left out.</summary>
    public static PlanningInput? Of(ResponseSession session, Func<ResponseSession, PlanningInput>? input) =>
        session.LeftOut is { } leftOut
            ? leftOut(input?.Invoke(session) ?? PlanningInput.FromCase(session.Case.Folder))
            : input?.Invoke(session);
}
