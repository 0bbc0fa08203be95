using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Record;
using Shodo.Investigation.Model;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Containment.Record;

/// <summary>containment-verification.json is a typed document: what verification wrote is what the planner reads back.</summary>
public sealed class VerificationFileTests
{
    private static AttackerResource User(string name, string? createdBy) => new()
    {
        Id = $"{ResourceTypes.User}::{name}", Type = ResourceTypes.User, ResourceId = name, CreatedBy = createdBy,
    };

    [Fact]
    public async Task The_written_verification_reads_back_as_its_record_with_attributed_and_blind_resources()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        var at = new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
        var result = new VerificationResult("ab12", at, [new RemainingItem("stop-instance:i-1", "i-1", "running")],
            [User("backdoor", "identity:leaked-key"), User("unknown", null)])
        {
            Unread = [new UnreadItem("cloudtrail:creators", "us-east-1", "AccessDenied", "cloudtrail:LookupEvents: denied", false)],
        };
        await VerificationFile.WriteAsync(@case, result, CancellationToken.None);

        var document = VerificationFile.Read(@case.Folder)!;
        Assert.Equal(VerificationFile.FormatName, document.Format);
        Assert.Equal("ab12", document.PlanSha256);
        Assert.Equal(at, DateTimeOffset.Parse(document.VerifiedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(document.Contained);
        Assert.Equal("i-1", Assert.Single(document.Remaining).Target);
        Assert.Equal(new VerificationUnread("cloudtrail:creators", "us-east-1", "AccessDenied", "cloudtrail:LookupEvents: denied", false, false),
            Assert.Single(document.Unread));
        Assert.Equal("backdoor", Assert.Single(VerificationFile.AttributedResources(@case.Folder)).ResourceId);
        Assert.Equal("unknown", Assert.Single(VerificationFile.UnattributedUsersWhileBlind(@case.Folder)).ResourceId);

        var json = JsonNode.Parse(@case.Folder.Read(VerificationFile.Name)!)!.AsObject();
        Assert.Equal(["contained", "format", "newResources", "planSha256", "remaining", "unread", "verifiedAt"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["code", "message", "region", "retryable", "scope", "target"],
            json["unread"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("2026-12-07T04:00:00.0000000+00:00", (string)json["verifiedAt"]!);
    }

    [Fact]
    public void A_case_not_verified_yet_has_no_verification_and_nothing_attributed()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        Assert.Null(VerificationFile.Read(@case.Folder));
        Assert.Empty(VerificationFile.AttributedResources(@case.Folder));
        Assert.Empty(VerificationFile.UnattributedUsersWhileBlind(@case.Folder));
    }
}
