using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Investigation.Identities;
using Shodo.Trail.Records;

namespace Shodo.Tests.InvestigationTests.Identities;

/// <summary>
/// Both sides of the pivot (issue 21, item 2), from records as CloudTrail writes them: the leaked key's AssumeRole into
/// member-2 (source side), member-2's and member-4's own records of the attacker's role sessions (destination side, as an
/// organisation trail holds them). Each account reached is named once per session, with the role and how it was seen.
/// </summary>
public sealed class AccountsReachedTests
{
    private const string Home = "111122223333", Member2 = "311122223335", Member4 = "511122223337";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
    private static int _next;

    private static TrailRecord Parse(JsonObject record) =>
        TrailRecordParser.Parse(JsonDocument.Parse(record.ToJsonString()).RootElement, "test").Record!;

    private static JsonObject Base(string eventName, DateTimeOffset at, string account, JsonObject identity) => new()
    {
        ["eventVersion"] = "1.09", ["eventTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["eventSource"] = "iam.amazonaws.com",
        ["eventName"] = eventName, ["awsRegion"] = "us-east-1", ["sourceIPAddress"] = "185.220.101.47", ["userAgent"] = "aws-cli/1.18.69",
        ["eventID"] = $"e-{Interlocked.Increment(ref _next):D6}", ["recipientAccountId"] = account, ["userIdentity"] = identity,
    };

    private static TrailRecord AssumeRole(string roleArn, string sessionKey, DateTimeOffset at)
    {
        var r = Base("AssumeRole", at, Home, new JsonObject
        {
            ["type"] = "IAMUser", ["accountId"] = Home, ["accessKeyId"] = "AKIALEAKED", ["userName"] = "platform-admin",
            ["arn"] = $"arn:aws:iam::{Home}:user/platform-admin",
        });
        r["eventSource"] = "sts.amazonaws.com";
        r["requestParameters"] = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = "aws-go-sdk-1733" };
        r["responseElements"] = new JsonObject { ["credentials"] = new JsonObject { ["accessKeyId"] = sessionKey } };
        return Parse(r);
    }

    private static TrailRecord InSession(string account, string role, string session, string key, DateTimeOffset issued, DateTimeOffset at) =>
        Parse(Base("CreateUser", at, account, new JsonObject
        {
            ["type"] = "AssumedRole", ["accountId"] = account, ["accessKeyId"] = key,
            ["principalId"] = $"AROAEXAMPLE:{session}", ["arn"] = $"arn:aws:sts::{account}:assumed-role/{role}/{session}",
            ["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject
                {
                    ["type"] = "Role", ["principalId"] = "AROAEXAMPLE", ["arn"] = $"arn:aws:iam::{account}:role/{role}", ["accountId"] = account,
                    ["userName"] = role,
                },
                ["attributes"] = new JsonObject { ["creationDate"] = issued.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["mfaAuthenticated"] = "false" },
            },
        }));

    [Fact]
    public void A_session_acting_in_another_account_names_that_account_its_role_and_when_it_was_issued_once()
    {
        var member2Role = $"arn:aws:iam::{Member2}:role/OrganizationAccountAccessRole";
        var events = new[]
        {
            AssumeRole(member2Role, "ASIAPIVOT2", T0),
            InSession(Member2, "OrganizationAccountAccessRole", "aws-go-sdk-1733", "ASIAPIVOT2", T0, T0.AddMinutes(5)),
            // member-4's own records only: the AssumeRole that led there is not among the events read.
            InSession(Member4, "OrganizationAccountAccessRole", "aws-go-sdk-1734", "ASIAPIVOT4", T0.AddMinutes(1), T0.AddMinutes(20)),
            InSession(Member4, "OrganizationAccountAccessRole", "aws-go-sdk-1734", "ASIAPIVOT4", T0.AddMinutes(1), T0.AddMinutes(15)),
            // A role session of the account investigated is no other account.
            InSession(Home, "ci-deploy", "build-7", "ASIAHOME", T0, T0.AddMinutes(2)),
        };

        var reached = AccountsReached.From(events, Home);

        Assert.Equal([Member2, Member4], reached.Select(a => a.AccountId));
        var source = Assert.Single(reached[0].Via);
        Assert.Equal((AccountPivot.Source, "ASIAPIVOT2", "AKIALEAKED"), (source.SeenIn, source.SessionKey, source.AssumedWithKey));
        var destination = Assert.Single(reached[1].Via);
        Assert.Equal(AccountPivot.Destination, destination.SeenIn);
        Assert.Equal($"arn:aws:iam::{Member4}:role/OrganizationAccountAccessRole", destination.RoleArn);
        Assert.Equal(("aws-go-sdk-1734", "ASIAPIVOT4", (string?)null), (destination.SessionName, destination.SessionKey, destination.AssumedWithKey));
        Assert.Equal(T0.AddMinutes(1), destination.Time);
        Assert.Equal(events[3].EventId, destination.EventId); // the session's first record there

        // Without the account investigated, only the source side can be told.
        Assert.Equal([Member2], AccountsReached.From(events).Select(a => a.AccountId));
    }
}
