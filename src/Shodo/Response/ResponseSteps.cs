using Shodo.Response.Steps;

namespace Shodo.Response;

/// <summary>The steps of the first response, in order, one line each.</summary>
public static class ResponseSteps
{
    /// <summary>From a key or a user: cut the key at once, pursue its trail and contain what it shows while the account is recorded, establish the facts, contain, report, then watch for late events.</summary>
    public static IReadOnlyList<IResponseStep> All { get; } =
    [
        new FirstMoveStep(),
        new PursueStep(),
        new CollectStep(),
        new InvestigateStep(),
        new ContainStep(),
        new MemberAccountsStep(),
        new ReportStep(),
        new WatchStep(),
    ];

    /// <summary>With nothing to start from: look for the signs beside the recording (events, then targeted reads) and present candidates; checked against the whole snapshot once recorded.</summary>
    public static IReadOnlyList<IResponseStep> Triage { get; } =
    [
        new CollectStep(),
        new TriageStep(),
    ];

    public static IReadOnlyList<IResponseStep> For(ResponseRequest request) =>
        request.AccessKeyId is null && request.UserName is null ? Triage : All;
}
