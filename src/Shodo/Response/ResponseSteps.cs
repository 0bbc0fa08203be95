using Shodo.Response.Steps;

namespace Shodo.Response;

/// <summary>The steps of the first response, in order, one line each.</summary>
public static class ResponseSteps
{
    public static IReadOnlyList<IResponseStep> All { get; } =
    [
        new CollectStep(),
        new InvestigateStep(),
        new ContainStep(),
    ];
}
