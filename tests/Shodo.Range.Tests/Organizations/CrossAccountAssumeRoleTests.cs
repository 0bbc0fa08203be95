using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Organizations;

/// <summary>
/// Cross-account sts:AssumeRole as the real AWS CLI sees it: OrganizationAccountAccessRole in each member trusts the
/// management account, so its admin enters the member and acts there (not in its own account); a role whose trust
/// policy does not name the caller's account is refused with AccessDenied as STS refuses it; the event is recorded in
/// both accounts, the role's account seeing the caller as an AWSAccount.
/// </summary>
public sealed class CrossAccountAssumeRoleTests(OrganizationFixture fixture) : IClassFixture<OrganizationFixture>
{
    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task The_management_account_enters_a_member_through_OrganizationAccountAccessRole_and_acts_there()
    {
        var assumed = await Cli.OkAsync("sts", "assume-role", "--role-arn", fixture.AccessRole(2), "--role-session-name", "ir");
        var credentials = assumed.AsCredentials();
        Assert.Equal(fixture.Member(2), (await Cli.OkAsync("sts", "get-access-key-info", "--access-key-id", credentials.AccessKeyId))
            .GetProperty("Account").GetString());
        var member = Cli.As(credentials);
        var identity = await member.OkAsync("sts", "get-caller-identity");
        Assert.Equal(fixture.Member(2), identity.GetProperty("Account").GetString());
        Assert.Equal($"arn:aws:sts::{fixture.Member(2)}:assumed-role/OrganizationAccountAccessRole/ir", identity.GetProperty("Arn").GetString());

        var user = fixture.Unique("member-user");
        await member.OkAsync("iam", "create-user", "--user-name", user);
        Assert.Equal($"arn:aws:iam::{fixture.Member(2)}:user/{user}",
            (await member.OkAsync("iam", "get-user", "--user-name", user)).GetProperty("User").GetProperty("Arn").GetString());
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "get-user", "--user-name", user);

        // The member's own CloudTrail records the AssumeRole with the management account's principal as an AWSAccount.
        var events = await member.OkAsync("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventName,AttributeValue=AssumeRole");
        var record = events.GetProperty("Events").EnumerateArray()
            .Select(e => JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement)
            .First(r => r.GetProperty("responseElements").GetProperty("credentials").GetProperty("accessKeyId").GetString() == credentials.AccessKeyId);
        Assert.Equal("AWSAccount", record.GetProperty("userIdentity").GetProperty("type").GetString());
        Assert.Equal(fixture.Management, record.GetProperty("userIdentity").GetProperty("accountId").GetString());
        Assert.Equal(fixture.Member(2), record.GetProperty("recipientAccountId").GetString());
        // ...and the management account's records the same call as its user's.
        var own = await Cli.OkAsync("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventName,AttributeValue=AssumeRole");
        Assert.Contains(own.GetProperty("Events").EnumerateArray(), e => e.GetProperty("CloudTrailEvent").GetString()!.Contains(credentials.AccessKeyId));
    }

    [Theory]
    [InlineData(900)]
    [InlineData(3600)]
    public async Task The_answers_Expiration_is_the_issue_time_plus_the_duration_asked_for_to_the_second(int seconds)
    {
        // Shodo takes its own session's aws:TokenIssueTime from this answer (Expiration less DurationSeconds): as AWS answers,
        // an ISO 8601 UTC time to the second, exactly the duration after the session was issued.
        var session = fixture.Unique("expiry");
        var assumed = await Cli.OkAsync("sts", "assume-role", "--role-arn", fixture.AccessRole(2), "--role-session-name", session,
            "--duration-seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = assumed.GetProperty("Credentials").GetProperty("Expiration").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|\+00:00)$", text);
        var expiration = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset issued;
        lock (fixture.Range.State.Sync)
            issued = fixture.Range.State.Organization!.Account(fixture.Member(2))!.State.Iam.Sessions.Values.Single(s => s.SessionName == session).IssuedAt;
        Assert.Equal(new DateTimeOffset(issued.Ticks - issued.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero), expiration.AddSeconds(-seconds));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:name")]
    public async Task A_session_name_STS_s_model_does_not_allow_is_a_validation_error(string name) =>
        await Cli.FailsWithStatusAsync("ValidationError", 400, "sts", "assume-role", "--role-arn", fixture.AccessRole(1), "--role-session-name", name);

    [Fact]
    public async Task A_role_whose_trust_policy_does_not_name_the_callers_account_is_refused()
    {
        var member = await fixture.InMemberAsync(1);
        var role = fixture.Unique("local-only");
        await member.OkAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + fixture.Member(1) +
            ":root\"},\"Action\":\"sts:AssumeRole\"}]}");
        var denied = await Cli.FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role",
            "--role-arn", $"arn:aws:iam::{fixture.Member(1)}:role/{role}", "--role-session-name", "ir");
        Assert.Contains("is not authorized to perform: sts:AssumeRole", denied.ErrorMessage);
        // A member's session cannot use the management account's trust in the member's role to enter another member.
        await member.FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role", "--role-arn", fixture.AccessRole(3), "--role-session-name", "hop");
        // Nor a role in an account the organisation does not hold.
        await Cli.FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role",
            "--role-arn", "arn:aws:iam::999999999999:role/OrganizationAccountAccessRole", "--role-session-name", "ir");
    }
}
