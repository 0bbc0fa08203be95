using Shodo.Range.State;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Tests.Organizations;

/// <summary>The organisation's SCPs and their attachments travel in the state file (they were lost on save before).</summary>
public sealed class OrganizationsStateFileTests
{
    private const string Management = "111122223333";

    private static RangeState Organisation(out RangeOrganization org)
    {
        var state = new RangeState(Management, new RangeClock(TimeProvider.System));
        org = RangeOrganization.Create(state, members: 2);
        return state;
    }

    [Fact]
    public async Task A_saved_scp_and_its_attachment_to_a_member_load_into_an_organisation_as_they_were()
    {
        var state = Organisation(out var org);
        var member = RangeOrganization.MemberId(Management, 1);
        lock (state.Sync)
        {
            org.Policies["p-deny12345"] = new ServiceControlPolicy
            {
                Id = "p-deny12345", Arn = $"arn:aws:organizations::{Management}:policy/{org.Id}/service_control_policy/p-deny12345",
                Name = "shodo-deny-leaked", Description = "deny", Content = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""",
            };
            org.Attachments[member].Add("p-deny12345");
        }
        var path = Path.Combine(Path.GetTempPath(), $"shodo-org-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(state, path, default);
            var loaded = Organisation(out var other);
            Assert.NotEqual(org.Id, other.Id);
            await RangeStateFile.LoadAsync(loaded, path, default);
            lock (loaded.Sync)
            {
                Assert.Equal(org.Id, other.Id);
                Assert.Equal(org.RootId, other.RootId);
                Assert.Equal("shodo-deny-leaked", other.Policies["p-deny12345"].Name);
                Assert.Contains("\"Deny\"", other.Policies["p-deny12345"].Content);
                Assert.Equal([ServiceControlPolicy.FullAwsAccessId, "p-deny12345"], other.Attachments[member]);
                Assert.Equal([ServiceControlPolicy.FullAwsAccessId], other.Attachments[org.RootId]);
                Assert.True(other.Policies[ServiceControlPolicy.FullAwsAccessId].AwsManaged);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task A_state_file_holding_an_organisation_is_refused_by_a_standalone_range_and_a_standalone_file_loads_anywhere()
    {
        var organised = Organisation(out _);
        var standalone = new RangeState(Management, new RangeClock(TimeProvider.System));
        var withOrg = Path.Combine(Path.GetTempPath(), $"shodo-org-{Guid.NewGuid():N}.json");
        var without = Path.Combine(Path.GetTempPath(), $"shodo-org-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(organised, withOrg, default);
            await RangeStateFile.SaveAsync(standalone, without, default);
            var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
                RangeStateFile.LoadAsync(new RangeState(Management, new RangeClock(TimeProvider.System)), withOrg, default));
            Assert.Contains("--accounts", e.Message);
            var target = Organisation(out var org);
            var id = org.Id;
            await RangeStateFile.LoadAsync(target, without, default);
            Assert.Equal(id, org.Id);
            Assert.Equal([ServiceControlPolicy.FullAwsAccessId], org.Policies.Keys);
        }
        finally { File.Delete(withOrg); File.Delete(without); }
    }
}
