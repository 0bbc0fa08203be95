using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Range;
using Shodo.Range.State;

namespace Shodo.Drill.Tests;

/// <summary>
/// approved_destructive_steps counts a RevokeGrant the range served to Shodo only when the journal shows it sent inside the
/// approved step; one the journal does not show is a destructive call, and another caller's is neither.
/// </summary>
public sealed class ApprovedDestructiveCallsTests
{
    private const string Responder = "arn:aws:iam::111122223333:user/responder";

    private static JournalEntry Changed(long seq, string operation, string target) =>
        new(seq, DateTimeOffset.UnixEpoch, new Actor("responder", "host"), "containment.changed",
            new JsonObject { ["operation"] = operation, ["target"] = target }, null, "", "");

    [Fact]
    public async Task A_revocation_the_journal_shows_approved_counts_apart_and_one_it_does_not_is_destructive()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        lock (range.State.Sync)
        {
            var create = range.State.Calls.First(c => c.EventName == "CreateGrant");
            var responder = new Caller("IAMUser", Responder, "AIDARESPONDER", "111122223333", "AKIARESPONDER");
            range.State.Calls.Add(create with { EventName = "RevokeGrant", Caller = responder, ErrorCode = null });
            range.State.Calls.Add(create with { EventName = "RevokeGrant", Caller = responder, ErrorCode = "ThrottlingException" });
            range.State.Calls.Add(create with { EventName = "RevokeGrant" });
        }
        const string target = "kms-grant:ap-northeast-1:0c6e3f8a-5b2d-4e71-9a4f-7d2b1c8e6f30/g1";
        bool IsShodo(string arn) => arn == Responder;

        var approved = ApprovedDestructiveCalls.Read(range.State, [Changed(1, "kms:RevokeGrant", target), Changed(2, "ec2:StopInstances", "x")], IsShodo);
        var unapproved = ApprovedDestructiveCalls.Read(range.State, [Changed(1, "ec2:StopInstances", "x")], IsShodo);

        Assert.Equal((1L, 0L), (approved.Approved, approved.Unapproved));
        Assert.Equal([$"kms:RevokeGrant {target}"], approved.Detail);
        Assert.Equal((0L, 1L), (unapproved.Approved, unapproved.Unapproved));
    }
}
