using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>
/// The credential report (every user's password and key ages and last use): GenerateCredentialReport
/// until IAM says COMPLETE (polling from a quarter second, doubling up to 4 s), then GetCredentialReport. Each answer is stored.
/// </summary>
public sealed class IamCredentialReportCollector(TimeSpan? wait = null, TimeSpan? poll = null) : ICollector
{
    private readonly TimeSpan _wait = wait ?? TimeSpan.FromSeconds(30);
    private readonly TimeSpan _firstPoll = poll ?? TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(4);

    public string Name => "iam.credential-report";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.GenerateCredentialReport, IamOperations.GetCredentialReport];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var iam = context.Aws.Iam();
        var deadline = context.Time.GetUtcNow() + _wait;
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
        await context.AnswerAsync(iam, new GetCredentialReport(), ct);
    }
}
