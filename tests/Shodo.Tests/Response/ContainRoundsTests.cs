using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Containment;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Escalation.Notices;
using Shodo.Range;
using Shodo.Response;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// Containment re-plans while verification finds more, but a round that found nothing to do only reads again what the last
/// verification saw: new things nothing attributes (yet). It does not go round again for that (about a second a round).
/// </summary>
public sealed class ContainRoundsTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task New_resources_nothing_attributes_end_the_rounds_after_one_that_had_nothing_to_do()
    {
        var request = new ResponseRequest { AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true };
        var options = RangeResponseOptions.For(_range, _cases.Path, request);
        string directory;
        StepResult result;
        using (var @case = Case.Open(_cases.Path, new CaseOptions { Title = "rounds" }))
        using (var aws = await AwsConnection.OpenAsync(options.Connection))
        {
            directory = @case.Directory;
            var session = new ResponseSession(@case, aws, await aws.WhoAmIAsync(), ShodoConfiguration.Empty, request, TimeProvider.System,
                new RecordingProgress(), NoMilestoneNotifier.Instance) { CaseOptions = new CaseOptions() };
            // Nothing attributed, against a baseline that knew nothing: every user and instance of the account is "new".
            result = await new ContainStep
            {
                Input = _ => new PlanningInput([], [], [])
                {
                    LiveBaseline = true, Baseline = Task.FromResult(new BaselineRead(new PlanBaseline(), [], [])),
                },
            }.RunAsync(session, CancellationToken.None);
        }

        var journal = JournalReader.Read(CaseFolder.At(directory)).ToList();
        Assert.Equal(2, journal.Count(e => e.Kind == ContainmentJournalKinds.Planned));
        var last = journal.Last(e => e.Kind == ContainmentJournalKinds.Verified);
        Assert.False((bool)last.Data["contained"]!);
        Assert.NotEmpty(last.Data["newResources"]!.AsArray());
        Assert.Equal(StepOutcome.Incomplete, result.Outcome);
    }
}
