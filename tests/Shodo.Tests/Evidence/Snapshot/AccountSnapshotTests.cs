using System.Text;
using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Sources;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Evidence.Snapshot;

public sealed class AccountSnapshotTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static Case OpenCase(TempFolder root) => Case.Open(root.Path, new CaseOptions
    {
        CallerArn = "arn:aws:iam::123456789012:user/responder", Time = new FakeTimeProvider(Now),
    });

    private static Task<EvidenceRecord> Store(Case c, string service, string operation, string? region, string body, string type = "text/xml") =>
        c.Evidence.StoreAsync(Encoding.UTF8.GetBytes(body), new EvidenceDescriptor(service, operation, region) { ContentType = type });

    private const string Users = """
        <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><Users>
        <member><UserName>dev-ci</UserName><Arn>arn:aws:iam::123456789012:user/dev-ci</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate></member>
        </Users></ListUsersResult></ListUsersResponse>
        """;

    [Fact]
    public async Task An_answer_that_does_not_parse_is_a_gap_naming_the_call_and_its_evidence_and_the_others_are_still_read()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        await Store(c, "iam", "ListUsers", null, Users);
        var broken = await Store(c, "ec2", "DescribeInstances", "ap-northeast-1", "<DescribeInstancesResponse><reservationSet><item>");

        var snapshot = await AccountSnapshot.BuildAsync(c, CancellationToken.None);

        Assert.Equal("dev-ci", Assert.Single(snapshot.Users).UserName);
        Assert.Empty(snapshot.Instances);
        var gap = Assert.Single(snapshot.Gaps);
        Assert.Equal(("ec2", "DescribeInstances", "ap-northeast-1", broken.Sha256), (gap.Service, gap.Operation, gap.Region, gap.Evidence));
        Assert.False(string.IsNullOrWhiteSpace(gap.Reason));
        var source = SourceGap.From(gap);
        Assert.Equal("Unreadable", source.Kind);
        Assert.Contains(broken.Sha256, source.Message);
    }

    [Fact]
    public async Task A_json_answer_of_the_wrong_shape_is_a_gap_not_a_failure_of_the_whole_snapshot()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        await Store(c, "iam", "ListUsers", null, Users);
        var wrong = await Store(c, "cloudtrail", "DescribeTrails", "us-east-1", """{"trailList":"not a list"}""", "application/x-amz-json-1.1");

        var snapshot = await AccountSnapshot.BuildAsync(c, CancellationToken.None);

        Assert.Single(snapshot.Users);
        Assert.Empty(snapshot.Trails);
        Assert.Equal(wrong.Sha256, Assert.Single(snapshot.Gaps).Evidence);
    }

    [Fact]
    public void Every_snapshot_part_is_a_registered_collector_so_adding_one_is_one_class_and_one_line()
    {
        var parts = typeof(ISnapshotPart).Assembly.GetTypes()
            .Where(t => typeof(ISnapshotPart).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false }).ToList();
        Assert.NotEmpty(parts);
        Assert.All(parts, t => Assert.Contains(CollectorCatalog.All, c => c.GetType() == t));
    }
}
