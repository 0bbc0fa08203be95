using System.Text.Json.Nodes;
using Shodo.Range.State;
using Shodo.Range.State.Organizations;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Organizations;

/// <summary>
/// The state file of an organisation (issue 21): saved from the management account, it keeps every member account's state,
/// the organisation's id, root, SCPs and their attachments, trusted access and the organisation trail; loaded into a range
/// serving the same accounts, the saved state is back as it was and a member's session still acts there; a range of
/// another shape refuses it and is left unchanged.
/// </summary>
public sealed class OrganizationStateFileTests
{
    private const string Deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}""";

    [Fact]
    public async Task A_saved_organisation_loads_into_a_range_of_the_same_accounts_with_every_member_as_it_was()
    {
        await using var before = await RangeHost.StartAsync(new RangeOptions { Port = 0, Accounts = 3 });
        var cli = new AwsCli(before.Url, before.Responder);
        var member = RangeOrganization.MemberId(before.State.AccountId, 2);
        var session = (await cli.OkAsync("sts", "assume-role", "--role-arn", $"arn:aws:iam::{member}:role/{RangeOrganization.AccessRoleName}",
            "--role-session-name", "saved")).AsCredentials();
        var inMember = cli.As(session);
        await inMember.OkAsync("iam", "create-user", "--user-name", "svc-cloudsync");
        await cli.OkAsync("s3api", "create-bucket", "--bucket", "org-trail");
        await cli.OkAsync("organizations", "enable-aws-service-access", "--service-principal", "cloudtrail.amazonaws.com");
        await cli.OkAsync("cloudtrail", "create-trail", "--name", "org", "--s3-bucket-name", "org-trail", "--is-organization-trail");
        var policy = (await cli.OkAsync("organizations", "create-policy", "--name", "no-run", "--description", "x",
            "--type", "SERVICE_CONTROL_POLICY", "--content", Deny)).GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        await cli.OkAsync("organizations", "attach-policy", "--policy-id", policy, "--target-id", member);
        var path = Path.Combine(Path.GetTempPath(), $"shodo-org-state-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(before.State, path, CancellationToken.None);
            var saved = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
            Assert.Contains("svc-cloudsync", saved["organization"]!["members"]![member]!["iam"]!.ToJsonString());

            await using var after = await RangeHost.StartAsync(new RangeOptions { Port = 0, Accounts = 3 });
            await RangeStateFile.LoadAsync(after.State, path, CancellationToken.None);

            Assert.Equal(WithoutClock(saved), WithoutClock(RangeStateFile.Save(after.State)));
            Assert.Equal(before.Organization!.Id, after.Organization!.Id);
            var again = new AwsCli(after.Url, before.Responder);
            Assert.Equal(before.Organization.Id,
                (await again.OkAsync("organizations", "describe-organization")).GetProperty("Organization").GetProperty("Id").GetString());
            Assert.Equal([ServiceControlPolicy.FullAwsAccessId, policy], after.Organization.Attachments[member]);
            Assert.True((await again.OkAsync("cloudtrail", "describe-trails")).GetProperty("trailList")[0].GetProperty("IsOrganizationTrail").GetBoolean());
            // The member's session (its state came along) still acts in the member, under the SCP attached there.
            var user = await again.As(session).OkAsync("iam", "get-user", "--user-name", "svc-cloudsync");
            Assert.Equal($"arn:aws:iam::{member}:user/svc-cloudsync", user.GetProperty("User").GetProperty("Arn").GetString());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task A_range_of_another_shape_refuses_an_organisation_s_file_and_is_left_as_it_was()
    {
        await using var organisation = await RangeHost.StartAsync(new RangeOptions { Port = 0, Accounts = 3 });
        var path = Path.Combine(Path.GetTempPath(), $"shodo-org-state-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(organisation.State, path, CancellationToken.None);
            foreach (var accounts in new[] { 1, 2 })
            {
                await using var other = await RangeHost.StartAsync(new RangeOptions { Port = 0, Accounts = accounts });
                var unchanged = WithoutClock(RangeStateFile.Save(other.State));
                var e = await Assert.ThrowsAsync<InvalidDataException>(() => RangeStateFile.LoadAsync(other.State, path, CancellationToken.None));
                Assert.Contains("--accounts 3", e.Message);
                Assert.Equal(unchanged, WithoutClock(RangeStateFile.Save(other.State)));
            }
        }
        finally { File.Delete(path); }
    }

    private static string WithoutClock(JsonObject file)
    {
        file.Remove("now");
        return file.ToJsonString();
    }
}
