using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Range;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// A bucket policy for everyone held to the account's own organisation (aws:PrincipalOrgID) lets in the organisation's
/// principals, not everyone: with the organisation collected (DescribeOrganization) it is decided — the account's own
/// principal is let in, no one outside the organisation is. The range is an organisation of two accounts, seeded and
/// collected once.
/// </summary>
public sealed class OrganizationConditionTests(OrganizationConditionTests.Account account) : IClassFixture<OrganizationConditionTests.Account>
{
    public const string OrgBucket = "org-shared-reports", Outside = "444455556666";

    public sealed class Account : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", "org-condition-" + Guid.NewGuid().ToString("N"));
        public RangeHost Range { get; private set; } = null!;
        public AccountSnapshot State { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Accounts = 2 });
            var state = Range.State;
            string org;
            lock (state.Sync) org = state.Organization!.Id;
            state.CreateBucket(OrgBucket, "us-east-1").Policy =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::org-shared-reports/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"ORG"}}}]}"""
                    .Replace("ORG", org, StringComparison.Ordinal);
            lock (state.Sync) state.AddUser("nobody");
            State = await ReadAccessTests.CollectAsync(_root, Range, "organizations.organization");
        }

        public async Task DisposeAsync()
        {
            await Range.DisposeAsync();
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
    }

    private ReadReach Reach(IEnumerable<AttackerIdentity> identities) =>
        new ReadAccess(account.State, new ChainResult(identities.ToList(), [], [], [], null,
            new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>())), [Outside]).S3(OrgBucket);

    [Fact]
    public void A_grant_held_to_the_accounts_own_organisation_lets_its_own_principal_in_and_is_not_a_grant_to_everyone()
    {
        Assert.False(string.IsNullOrEmpty(account.State.OrganizationId));

        var outside = Reach([]);
        Assert.Empty(outside.Through);
        Assert.DoesNotContain(outside.Unknown, u => u.English.Contains("lets everyone in", StringComparison.Ordinal));

        var nobody = new AttackerIdentity { Id = "user:nobody", Kind = IdentityKind.User, Name = "nobody", Confidence = Confidence.Confirmed, Reason = "test" };
        var inside = Reach([nobody]);
        Assert.True(inside.Reachable);
        Assert.Equal([$"bucket policy of {OrgBucket}, for user nobody or everyone"], inside.Through);
    }
}
