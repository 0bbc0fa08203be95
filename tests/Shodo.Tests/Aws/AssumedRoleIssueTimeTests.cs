using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Range;
using Shodo.Range.State.Organizations;

namespace Shodo.Tests.Aws;

/// <summary>
/// When AWS issued the role session Shodo assumed (issue 21): STS's Expiration less the DurationSeconds asked for, floored to
/// the second — AWS's clock, not this machine's. The range answers Expiration as AWS does (issue time + duration, to the second).
/// </summary>
public sealed class AssumedRoleIssueTimeTests
{
    [Fact]
    public void The_issue_time_is_the_expiration_less_the_duration_floored_to_the_second()
    {
        var expiration = new DateTime(2026, 12, 7, 9, 0, 5, 700, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 5, TimeSpan.Zero), AssumedRoleCredentials.IssuedAt(expiration, TimeSpan.FromHours(1)));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 45, 5, TimeSpan.Zero), AssumedRoleCredentials.IssuedAt(expiration, TimeSpan.FromMinutes(15)));
        // A local time (as some SDK versions answer) is the same instant.
        Assert.Equal(AssumedRoleCredentials.IssuedAt(expiration, TimeSpan.FromHours(1)), AssumedRoleCredentials.IssuedAt(expiration.ToLocalTime(), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(900)]
    [InlineData(3600)]
    public async Task A_member_roles_session_issued_by_the_range_is_known_to_the_second_from_its_answer(int seconds)
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        var member = RangeOrganization.MemberId("111122223333", 2);
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey), Region = "us-east-1",
            EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance,
            RoleArn = $"arn:aws:iam::{member}:role/{RangeOrganization.AccessRoleName}",
            Assume = new RoleAssumption { SessionName = "shodo-issue-time", Duration = TimeSpan.FromSeconds(seconds) },
        });
        DateTimeOffset issued;
        lock (range.State.Sync)
            issued = range.State.Organization!.Account(member)!.State.Iam.Sessions.Values.Single(s => s.SessionName == "shodo-issue-time").IssuedAt;
        Assert.Equal(new DateTimeOffset(issued.Ticks - issued.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero), aws.SessionIssuedAt);
    }

    [Fact]
    public async Task Credentials_shodo_did_not_assume_itself_have_no_known_issue_time()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey), Region = "us-east-1",
            EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance,
        });
        Assert.Null(aws.SessionIssuedAt);
    }
}
