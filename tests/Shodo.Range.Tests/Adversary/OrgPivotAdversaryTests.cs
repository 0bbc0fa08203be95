using Shodo.Range.State.Organizations;

namespace Shodo.Range.Tests.Adversary;

/// <summary>
/// The live adversary of org-pivot acts where its credentials belong: its member backdoor keys launch instances in those
/// members, its management key enters the reached members again with fresh sessions of OrganizationAccountAccessRole,
/// and each creation names its account — and once the management key and the member keys are dead, nothing succeeds.
/// </summary>
public sealed class OrgPivotAdversaryTests : IAsyncLifetime
{
    private RangeHost _range = null!;

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions
    {
        Port = 0, Scenario = "org-pivot", Adversary = true, AdversaryInterval = Timeout.InfiniteTimeSpan, Seed = 3,
    });

    public async Task DisposeAsync() => await _range.DisposeAsync();

    [Fact]
    public async Task It_acts_in_the_members_it_reached_and_names_the_account_of_what_it_creates()
    {
        var adversary = _range.Adversary!;
        var members = _range.GroundTruth!.Accounts.Select(a => a.AccountId).ToHashSet();
        for (var round = 0; round < 3; round++) Assert.True(await adversary.TickAsync() > 0);
        var created = adversary.Status.Created;
        Assert.Contains(created, c => c.Kind == "instance" && members.Contains(c.AccountId!));
        Assert.Equal(members, created.Where(c => c.Kind == "session-key" && c.AccountId != "111122223333").Select(c => c.AccountId!).ToHashSet());
        Assert.All(created, c => Assert.NotNull(c.AccountId));
        foreach (var instance in created.Where(c => c.Kind == "instance"))
        {
            var state = _range.Organization!.Account(instance.AccountId!)!.State;
            lock (state.Sync) Assert.Contains(state.Ec2Regions, r => r.FindInstance(instance.Id) is not null);
        }
        Assert.DoesNotContain(created, c => c.AccountId == RangeOrganization.MemberId("111122223333", 3));

        // Every key it holds dead: the management key, the member backdoors and what they made (sessions expire on their own).
        foreach (var account in _range.Organization!.Accounts)
            lock (account.State.Sync)
            {
                foreach (var key in account.State.Iam.AccessKeys.Values.Where(k => adversary.AccessKeyIds.Contains(k.AccessKeyId))) key.Status = "Inactive";
                account.State.Iam.Sessions.Clear();
            }
        Assert.Equal(0, await adversary.TickAsync());
    }
}
