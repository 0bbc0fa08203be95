using System.Xml.Linq;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Range;
using Shodo.Tests.Aws;
using Shodo.Trail.Lookup;

namespace Shodo.Tests.Integration;

/// <summary>
/// The hand-written Query and JSON 1.1 clients and the interlock, against the range: a real
/// AWS-shaped server with SigV4 verification, IAM paging and CloudTrail event history.
/// </summary>
public sealed class RangeBackedClientTests : IAsyncLifetime
{
    private RangeHost _range = null!;

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
    public async Task DisposeAsync() => await _range.DisposeAsync();

    private Task<AwsConnection> Responder(IRefusalSink? sink = null) =>
        AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1",
            EndpointUrl = _range.Url,
            Retry = TestConnections.QuickRetry,
            RefusalSink = sink ?? NoRefusalSink.Instance,
        });

    /// <summary>ListUsers with a small MaxItems, so the range has to page.</summary>
    private sealed record ListUsersInPagesOf(int Size) : IamPagedCall<IamUser>
    {
        public override AwsOperation Operation => IamOperations.ListUsers;
        public override void Write(QueryParameters p) => p.Add("MaxItems", Size);
        public override IReadOnlyList<IamUser> Read(XElement r) => r.Items("Users").Select(IamUser.From).ToList();
    }

    [Fact]
    public async Task Query_client_follows_IAM_markers_across_pages_and_parses_errors()
    {
        lock (_range.State.Sync)
            foreach (var name in new[] { "alice", "bob", "carol", "dave", "erin" })
                _range.State.AddUser(name);
        using var aws = await Responder();

        var pages = new List<AwsPage<IamUser>>();
        await foreach (var page in aws.Iam().PagesAsync(new ListUsersInPagesOf(2))) pages.Add(page);

        Assert.Equal([1, 2, 3], pages.Select(p => p.Number));
        Assert.Equal(["alice", "bob", "carol", "dave", "erin", "responder"],
            pages.SelectMany(p => p.Items).Select(u => u.UserName).Order());
        Assert.All(pages, p => Assert.False(string.IsNullOrEmpty(p.RequestId)));

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Iam().SendAsync(new GetUser("nobody")));
        Assert.Equal(("iam", "GetUser", "NoSuchEntity", 404), (error.Service, error.Operation, error.Code, error.HttpStatus));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains("nobody", error.AwsMessage);
    }

    [Fact]
    public async Task Json_client_follows_CloudTrail_next_tokens_and_parses_errors()
    {
        using var aws = await Responder();
        for (var i = 0; i < 3; i++) await aws.Iam().SendAsync(new GetAccountSummary());

        var pages = new List<AwsPage<LookupEvent>>();
        await foreach (var page in aws.CloudTrail("us-east-1").PagesAsync(
                           new LookupEvents(new LookupAttribute("EventName", "GetAccountSummary"), MaxResults: 2)))
            pages.Add(page);

        Assert.Equal([2, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages.SelectMany(p => p.Items), e => Assert.Equal("GetAccountSummary", e.EventName));

        var now = DateTimeOffset.UtcNow;
        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.CloudTrail("us-east-1").ListAllAsync(
            new LookupEvents(StartTime: now, EndTime: now.AddHours(-1))));
        Assert.Equal(("cloudtrail", "InvalidTimeRangeException"), (error.Service, error.Code));
    }

    [Fact]
    public async Task Refused_destructive_call_is_journaled_never_reaches_the_range_and_the_case_verifies()
    {
        var root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string caseDir;
            using (var @case = Case.Open(root, new CaseOptions { Title = "interlock" }))
            {
                caseDir = @case.Directory;
                using var aws = await Responder(new JournalRefusalSink(@case.Journal));
                await Assert.ThrowsAsync<RefusedCallException>(() =>
                    aws.Ec2("us-east-1").TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
                await Assert.ThrowsAsync<RefusedCallException>(() =>
                    aws.Ec2("us-east-1").DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = "attacker" }));
            }

            lock (_range.State.Sync)
                Assert.DoesNotContain(_range.State.Calls, c => c.EventName is "TerminateInstances" or "DeleteKeyPair");
            var journal = File.ReadAllLines(Path.Combine(caseDir, "journal.jsonl"));
            Assert.Equal(2, journal.Count(l => l.Contains("\"kind\":\"interlock.refused\"")));
            Assert.Contains(journal, l => l.Contains("ec2:TerminateInstances"));
            Assert.True(CaseVerifier.Verify(caseDir).Intact);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
