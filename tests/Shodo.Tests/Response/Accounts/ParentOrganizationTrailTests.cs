using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Range;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Response.Accounts;
using Shodo.Tests.Cases;
using Reasons = Shodo.Investigation.Sources.LogFiles.OrganizationTrailChoice.Reasons;

namespace Shodo.Tests.Response.Accounts;

/// <summary>
/// Which source a member's investigation reads (issue 21, item 4), asked of the management account: its organisation trail
/// only when one delivers to S3, logs now and covers every region; otherwise LookupEvents, with the reason.
/// </summary>
public sealed class ParentOrganizationTrailTests : IAsyncLifetime
{
    private readonly TempFolder _cases = new();
    private RangeHost _range = null!;

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    private async Task<Shodo.Investigation.Sources.LogFiles.OrganizationTrailChoice> ChoiceAsync()
    {
        var request = new ResponseRequest { AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId };
        var options = RangeResponseOptions.For(_range, _cases.Path, request);
        using var @case = Case.Open(_cases.Path, new CaseOptions { Title = "org trail" });
        using var aws = await AwsConnection.OpenAsync(options.Connection);
        var session = new ResponseSession(@case, aws, await aws.WhoAmIAsync(), ShodoConfiguration.Empty, request, TimeProvider.System,
            new RecordingProgress(), NoMilestoneNotifier.Instance);
        return await ParentOrganizationTrail.OfAsync(session, CancellationToken.None);
    }

    private Shodo.Range.State.CloudTrail.Trail OrganizationTrail(bool multiRegion = true) => OrganizationTrail(_range, multiRegion);

    /// <summary>An organisation trail of the management account, acme-organization, logging to acme-org-trail for 600 days.</summary>
    public static Shodo.Range.State.CloudTrail.Trail OrganizationTrail(RangeHost range, bool multiRegion = true)
    {
        var state = range.State;
        lock (state.Sync)
        {
            state.CreateBucket("acme-org-trail", at: state.Clock.Now.AddDays(-600));
            var trail = state.CreateTrail("acme-organization", "acme-org-trail", isMultiRegion: multiRegion, startLoggingAt: state.Clock.Now.AddDays(-600));
            trail.IsOrganizationTrail = true;
            range.Organization!.ServiceAccess[RangeOrganization.CloudTrailPrincipal] = state.Clock.Now.AddDays(-600);
            return trail;
        }
    }

    [Fact]
    public async Task An_account_trail_only_is_no_organisation_trail()
    {
        var choice = await ChoiceAsync(); // org-pivot's own trail is the management account's, not the organisation's
        Assert.Null(choice.Reach);
        Assert.Equal(Reasons.None, choice.Reason);
    }

    [Fact]
    public async Task A_logging_multi_region_organisation_trail_is_read_through_the_management_account_in_the_organisations_folders()
    {
        OrganizationTrail();
        var choice = await ChoiceAsync();
        Assert.Equal(Reasons.Read, choice.Reason);
        var reach = Assert.IsType<Shodo.Investigation.Sources.LogFiles.OrganizationTrailReach>(choice.Reach);
        Assert.Equal("s3://acme-org-trail", reach.Location);
        Assert.Equal(_range.Organization!.Id, reach.OrganizationId);
        Assert.Equal(_range.Organization.ManagementAccountId, reach.ReadAs);
    }

    [Fact]
    public async Task An_organisation_trail_that_stopped_logging_leaves_the_members_to_their_LookupEvents()
    {
        var trail = OrganizationTrail();
        lock (_range.State.Sync) trail.StopLogging(_range.State.Clock.Now.AddDays(-1));
        var choice = await ChoiceAsync();
        Assert.Null(choice.Reach);
        Assert.Equal(Reasons.NotCovering, choice.Reason);
        Assert.Contains("acme-organization", choice.Trail);
    }

    [Fact]
    public async Task An_organisation_trail_of_its_home_region_only_leaves_the_members_to_their_LookupEvents()
    {
        OrganizationTrail(multiRegion: false);
        var choice = await ChoiceAsync();
        Assert.Null(choice.Reach);
        Assert.Equal(Reasons.NotCovering, choice.Reason);
    }
}
