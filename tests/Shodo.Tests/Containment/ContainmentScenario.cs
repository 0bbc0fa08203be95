using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Containment.Record;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;

namespace Shodo.Tests.Containment;

/// <summary>Plan, approve and apply through the library, as the CLI does, on one open case.</summary>
public sealed class ContainmentScenario(Case @case, AwsConnection aws)
{
    public Case Case { get; } = @case;
    public AwsConnection Aws { get; } = aws;
    public ContainmentRecorder Recorder { get; private set; } = new(@case, ContainmentLedger.Read(@case));

    public static async Task<(ContainmentScenario Scenario, IDisposable Cleanup)> OpenAsync(LeakedKeyRange env)
    {
        var @case = env.OpenCase();
        var aws = await env.ResponderAsync(new JournalRefusalSink(@case.Journal));
        return (new ContainmentScenario(@case, aws), new Both(aws, @case));
    }

    public async Task<(ContainmentPlan Plan, string Sha)> PlanAsync(AuthorityPolicy? authority = null)
    {
        var result = await new Planner(Aws, Case, authority ?? AuthorityPolicy.Default, TimeProvider.System).WriteAsync(default);
        Recorder = new ContainmentRecorder(Case, ContainmentLedger.Read(Case));
        return result;
    }

    public Task ApproveAllAsync(ContainmentPlan plan, string sha) =>
        Approval.RecordAsync(Recorder, plan, sha, sha, "ciso", null, AuthorityPolicy.Default, default);

    public Task<ApplyResult> ApplyAsync(ContainmentPlan plan, string sha, ApplyOptions? options = null) =>
        new ContainmentApply(Aws, Recorder, plan, sha, TimeProvider.System, options ?? new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) })
            .RunAsync(default);

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
