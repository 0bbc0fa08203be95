using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Configuration;
using Shodo.Containment;
using Shodo.Containment.Actions;
using Shodo.Containment.Authority;
using Shodo.Containment.Planning;
using Shodo.Range;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Response.Accounts;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response.Accounts;

/// <summary>
/// The organisation lever on the management account's critical path (issue 21: contained on org-pivot within 1.5x of one
/// account): the SCP on each member the leaked key's own trail shows it entered is pulled by the pursuit, from the accounts
/// it read, not after the investigation; its cut-off is Shodo's own session's issue time in that member (Shodo entered by the
/// role the SCP denies), so the attacker's sessions are refused and Shodo's response in the member is not; the whole plan
/// finds it done.
/// </summary>
public sealed class OrganizationLeverInPursuitTests
{
    private const string Management = "111122223333";

    [Fact]
    public async Task The_pursuit_pulls_the_SCP_on_the_members_reached_sparing_shodos_own_session_there_and_the_whole_plan_finds_it_done()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        using var cases = new TempFolder();
        var authority = ShodoConfiguration.Parse("shodo.yaml",
            $"authority:\n  responder: [{string.Join(", ", AuthorityPolicy.DefaultResponder.Append("deny-by-scp").Order(StringComparer.Ordinal))}]\n");
        var request = new ResponseRequest
        {
            AccessKeyId = range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true,
            Members = new MemberAccountsRequest { RoleName = RangeOrganization.AccessRoleName },
        };
        var result = await FirstResponse.RunAsync(RangeResponseOptions.For(range, cases.Path, request, authority), TimeProvider.System,
            new RecordingProgress(), CancellationToken.None);

        var journal = JournalReader.Read(result.Folder).ToList();
        long Step(string kind, string step) => journal.Single(e => e.Kind == kind && (string?)e.Data["step"] == step).Seq;
        var (pursuing, pursued) = (Step(ResponseJournalKinds.StepStarted, PursueStep.StepName), Step(ResponseJournalKinds.StepFinished, PursueStep.StepName));
        var attached = journal.Where(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["operation"] == "organizations:AttachPolicy").ToList();
        var reached = range.GroundTruth.Accounts.Where(a => a.AccountId != Management && a.Found.SessionAccessKeyIds.Count > 0).Select(a => a.AccountId).Order().ToList();
        Assert.NotEmpty(reached);
        Assert.Equal(reached, attached.Select(e => (string)e.Data["request"]!["targetId"]!).Order());
        // Pulled by the pursuit, and only there: the whole plan after the investigation found each done.
        Assert.All(attached, e => Assert.InRange(e.Seq, pursuing, pursued));
        Assert.DoesNotContain(journal, e => e.Kind == ContainmentJournalKinds.Changed && e.Seq > pursued
            && ((string?)e.Data["actionId"])?.StartsWith("deny-by-scp/", StringComparison.Ordinal) == true);

        var outcomes = MemberAccountsFile.Read(result.Folder);
        foreach (var member in reached)
        {
            Shodo.Range.State.Iam.StsSession shodo;
            string content;
            Shodo.Range.State.CallRecord[] refused;
            lock (range.State.Sync)
            {
                var state = range.State.Organization!.Account(member)!.State;
                shodo = state.Iam.Sessions.Values.Where(s => s.RoleName == RangeOrganization.AccessRoleName
                    && s.SessionName?.StartsWith(MemberAccountResponse.SessionPrefix, StringComparison.Ordinal) == true).OrderBy(s => s.IssuedAt).First();
                var org = range.State.Organization!;
                content = org.Policies.Values.Single(p => p.Name == DenyByScp.PolicyName(result.CaseId, member)).Content;
                refused = state.Calls.Where(c => c.Caller?.Arn.Contains($"/{MemberAccountResponse.SessionPrefix}", StringComparison.Ordinal) == true
                    && c.ErrorCode is "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation").ToArray();
            }
            // The SCP denies the role's sessions issued before Shodo's own there (to the second, AWS's clock): the attacker's.
            var cut = ResponderSessionCut.Format(new DateTimeOffset(shodo.IssuedAt.Ticks - shodo.IssuedAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
            var roles = JsonNode.Parse(content)!["Statement"]!.AsArray().Single(s => (string?)s!["Sid"] == ScpDenyDocument.RoleSessionsSid)!;
            Assert.Equal(cut, (string?)roles["Condition"]!["DateLessThan"]!["aws:TokenIssueTime"]);
            // So no call of Shodo's response in the member was refused, and the member is contained there.
            Assert.True(refused.Length == 0, string.Join("; ", refused.Select(c => $"{c.EventName}: {c.ErrorCode}")));
            var outcome = outcomes.Single(o => o.AccountId == member);
            Assert.True(outcome.Contained, outcome.Detail);
        }
    }
}
