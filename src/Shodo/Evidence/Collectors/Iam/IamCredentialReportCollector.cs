using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Iam.Model;
using Shodo.Cases;
using Shodo.Localization;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>
/// The credential report (every user's password and key ages and last use): GenerateCredentialReport
/// until IAM says COMPLETE (polling from a quarter second, doubling up to 4 s), then GetCredentialReport. Each answer is stored,
/// the report's GeneratedTime with it. IAM answers COMPLETE at once with a report generated up to 4 hours ago and generates
/// no other until then: such a report predates this collection, misses what changed since, and is recorded as a Stale gap.
/// A report of this collection is published to the lane (<see cref="CredentialReportRows"/>): <see cref="IamUsersCollector"/>
/// reads per user only what it does not answer.
/// </summary>
public sealed class IamCredentialReportCollector(TimeSpan? wait = null, TimeSpan? poll = null) : ICollector
{
    private readonly TimeSpan _wait = wait ?? TimeSpan.FromSeconds(30);
    private readonly TimeSpan _firstPoll = poll ?? TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(4);
    /// <summary>How much earlier than the collection a report may say it was generated (clocks differ) and still be this collection's.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);
    public const string StaleCode = "CredentialReportStale";

    public const string CollectorName = "iam.credential-report";

    public string Name => CollectorName;
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.GenerateCredentialReport, IamOperations.GetCredentialReport];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var iam = context.Aws.Iam();
        var started = context.Time.GetUtcNow();
        var deadline = started + _wait;
        var delay = _firstPoll;
        while (true)
        {
            var state = await context.AnswerAsync(iam, new GenerateCredentialReport(), ct);
            if (state is null) return;
            if (string.Equals(state.State, "COMPLETE", StringComparison.OrdinalIgnoreCase)) break;
            if (context.Time.GetUtcNow() >= deadline) break; // GetCredentialReport then answers ReportInProgress: a gap.
            await Task.Delay(delay, context.Time, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPoll.Ticks));
        }
        var report = await context.AnswerAsync(iam, new GetCredentialReport(), ct);
        if (report?.GeneratedTime is not { } generated) return;
        if (generated < started - ClockTolerance)
            await context.RecordAsync(CoverageGap.StaleAnswer(Name, IamOperations.GetCredentialReport, StaleCode,
                Messages.Get("CollectCredentialReportStale", CaseTime.Format(generated), Age(started - generated)), context.Time.GetUtcNow()), ct);
        else
            context.Publish(CredentialReportRows.Read(report)); // this collection's own: it stands in for per-user reads (iam.users)
    }

    private static string Age(TimeSpan age) => age.TotalHours >= 1
        ? $"{(int)age.TotalHours} h {age.Minutes} min"
        : $"{Math.Max(1, (int)age.TotalMinutes)} min";
}
