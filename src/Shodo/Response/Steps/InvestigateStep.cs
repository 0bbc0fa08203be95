using Shodo.Investigation;

namespace Shodo.Response.Steps;

/// <summary>
/// Establishes the facts from the starting key or user (<see cref="InvestigationRunner"/>); resumable when a
/// source is missing only because AWS throttled, failed or did not answer, so <c>--resume</c> reads again.
/// </summary>
public sealed class InvestigateStep : IResponseStep
{
    public string Name => "investigate";

    /// <summary>Shown under another step (the watch's looks): no line per region, every look.</summary>
    public string? ShownAs { get; init; }

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        if (session.Request.AccessKeyId is null && session.Request.UserName is null)
            return new StepResult(StepOutcome.Stopped, Localization.Messages.Get("RespondNoStartingPoint"));
        var runner = new InvestigationRunner(session.Aws, session.Case, new InvestigationOptions
        {
            AccessKeyId = session.Request.AccessKeyId, UserName = session.Request.UserName,
            Since = session.Request.Since, Time = session.Time, LookupsRead = session.LookupsRead,
            OrganizationTrail = session.OrganizationTrail is { } organizationTrail ? await organizationTrail(ct).ConfigureAwait(false) : null,
        });
        var result = await runner.RunAsync(ShownAs is null ? new InvestigateRegions(session.Progress, Name) : Investigation.IInvestigationProgress.None, ct).ConfigureAwait(false);
        var confirmed = result.Identities.Count(i => i.Confidence == Investigation.Model.Confidence.Confirmed);
        var detail = Localization.Messages.Get("RespondInvestigated", confirmed, result.Resources.Count, result.Findings.Count,
            result.RecordsRead, result.Gaps.Count);
        if (result.EventsFallback is { } fallback)
            detail += " " + Localization.Messages.Get("RespondInvestigatedFallback", fallback.Failed, fallback.Code ?? fallback.Kind, fallback.Answer);
        return new StepResult(result.Complete ? StepOutcome.Done : StepOutcome.Incomplete, detail)
        {
            // A source AWS throttled, failed or did not answer for: reading again later can fill it.
            Resumable = result.Gaps.Any(g => Evidence.GapKinds.IsTransient(g.Kind) || (g.Code is { } code && Aws.Errors.AwsErrorCodes.IsRetryable(code, 0))),
        };
    }
}
