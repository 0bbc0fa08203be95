using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Range;
using Shodo.Range.State;
using Shodo.Range.State.Ec2;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Response.Accounts;
using Shodo.Cases.Accounts;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response.Accounts;

/// <summary>One response from org-pivot's management account with --organization, member-4's role no longer trusting it.</summary>
public sealed class OrgPivotMemberResponse : IAsyncLifetime
{
    public const string Management = "111122223333";
    public static readonly string Member2 = RangeOrganization.MemberId(Management, 2);
    public static readonly string Member3 = RangeOrganization.MemberId(Management, 3);
    public static readonly string Member4 = RangeOrganization.MemberId(Management, 4);
    private readonly TempFolder _cases = new();
    public RangeHost Range { get; private set; } = null!;
    public FirstResponseResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        lock (Range.State.Sync)
            Account(Member4).Iam.Role(RangeOrganization.AccessRoleName)!.AssumeRolePolicyDocument =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"}]}""";
        // The attacker's session of member-2's OrganizationAccountAccessRole, minted 2h35m ago, still live: as though it had
        // asked for a role's longest session (12 hours), so that what cuts it, not its expiry, is what the tests see.
        lock (Range.State.Sync)
            foreach (var key in Range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found.SessionAccessKeyIds)
                Account(Member2).Iam.Sessions[key].Expiration = Account(Member2).Iam.Sessions[key].IssuedAt.AddHours(12);
        var request = new ResponseRequest
        {
            AccessKeyId = Range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true,
            Members = new MemberAccountsRequest { Organization = true, RoleName = RangeOrganization.AccessRoleName },
        };
        Result = await FirstResponse.RunAsync(RangeResponseOptions.For(Range, _cases.Path, request), TimeProvider.System,
            new RecordingProgress(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Range.DisposeAsync();
        _cases.Dispose();
    }

    public RangeState Account(string id) => Range.State.Organization!.Account(id)!.State;
}

/// <summary>
/// Respond in each account (issue 21, item 2), on org-pivot (an organisation of a management account and five members):
/// one respond from the management account with the leaked key and --organization, through OrganizationAccountAccessRole.
/// In member-2 the attacker's backdoor user and GPU instances are contained; member-4's role no longer trusts the
/// management account, so it cannot be entered — a named gap, journaled and in accounts.json; the untouched members
/// (the platform team's legitimate batch workload in member-3 included) are recorded and changed in nothing; the parent
/// case and each member's sub-case verify, the sub-case anchored at the head the parent's chain recorded.
/// </summary>
public sealed class MemberAccountResponseTests(OrgPivotMemberResponse response) : IClassFixture<OrgPivotMemberResponse>
{
    private const string Management = OrgPivotMemberResponse.Management;
    private static readonly string Member2 = OrgPivotMemberResponse.Member2;
    private static readonly string Member3 = OrgPivotMemberResponse.Member3;
    private static readonly string Member4 = OrgPivotMemberResponse.Member4;
    private RangeHost _range => response.Range;
    private FirstResponseResult _result => response.Result;
    private RangeState Account(string id) => response.Account(id);

    [Fact]
    public void The_attackers_user_and_instances_in_a_member_account_are_contained_from_the_management_account()
    {
        var truth = _range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        lock (_range.State.Sync)
        {
            var member = Account(Member2);
            Assert.All(truth.AccessKeyIds, k => Assert.Equal("Inactive", member.Iam.AccessKeys[k].Status));
            Assert.NotEmpty(truth.Instances);
            Assert.All(truth.Instances, i =>
                Assert.Contains(member.Ec2(i.Region).FindInstance(i.InstanceId)!.State, new[] { InstanceStates.Stopping, InstanceStates.Stopped }));
        }
        var outcome = MemberAccountsFile.Read(_result.Folder).Single(a => a.AccountId == Member2);
        Assert.True(outcome.Entered);
        // The user is denied, by the member's own journal (the before-state and the change are in its sub-case).
        Assert.Contains(JournalReader.Read(MemberAccountsFile.SubCase(_result.Folder, outcome)), e => e.Kind == ContainmentJournalKinds.Outcome
            && (string?)e.Data["outcome"] == Outcomes.Done && (string?)e.Data["actionId"] == $"attach-deny-policy/iam-user:global:{Assert.Single(truth.Users)}");
        Assert.True(outcome.Contained, outcome.Detail);
        Assert.Contains(MemberAccount.Reached, outcome.Why);
        // Entered through the role the attacker used: its sessions, all issued before Shodo's own, are cut there — none is
        // left to the organisation's SCP.
        Assert.NotEmpty(truth.SessionAccessKeyIds);
        Assert.Empty(outcome.SessionsLeftToScp);
    }

    [Fact]
    public void A_members_attacker_user_is_cut_while_the_member_is_still_being_recorded_and_shodos_own_session_never()
    {
        var truth = _range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        var outcome = MemberAccountsFile.Read(_result.Folder).Single(a => a.AccountId == Member2);
        var journal = JournalReader.Read(MemberAccountsFile.SubCase(_result.Folder, outcome)).ToList();
        int Index(Func<JournalEntry, bool> match) => journal.FindIndex(e => match(e));
        // The member's own pursuit of the attacker's session there contains as the management account's does: the backdoor
        // user is cut before the member's snapshot is finished, not after the member's investigation.
        var user = $"{TargetKinds.User}:global:{Assert.Single(truth.Users)}";
        var cut = Index(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["target"] == user);
        var recorded = Index(e => e.Kind == Shodo.Evidence.CollectJournalKinds.Finished);
        Assert.InRange(Index(e => e.Kind == Shodo.Evidence.CollectJournalKinds.Started), 0, cut);
        Assert.True(cut >= 0 && cut < recorded, $"the user was cut at {cut}, the member's collection finished at {recorded}");
        Assert.Equal(StepOutcome.Done, JournalReader.Read(MemberAccountsFile.SubCase(_result.Folder, outcome))
            .Where(e => e.Kind == ResponseJournalKinds.StepFinished && (string?)e.Data["step"] == PursueStep.StepName)
            .Select(e => Enum.Parse<StepOutcome>((string)e.Data["outcome"]!, true)).Single());
        // Shodo entered by the role the attacker's sessions are of: the only change Shodo sent there naming that role is its deny
        // for sessions issued before Shodo's own (PutRolePolicy), and no call of Shodo's session was refused, before or after it.
        lock (_range.State.Sync)
        {
            var shodo = Account(Member2).Calls.Where(c => c.Caller?.Arn.Contains("/shodo-", StringComparison.Ordinal) == true).ToList();
            Assert.NotEmpty(shodo);
            Assert.All(shodo.Where(c => !c.ReadOnly && c.RequestParameters?.ToJsonString().Contains(RangeOrganization.AccessRoleName, StringComparison.Ordinal) == true),
                c => Assert.Equal("PutRolePolicy", c.EventName));
            Assert.DoesNotContain(shodo, c => c.ErrorCode is "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation");
        }
    }

    /// <summary>Whether IAM ListUsers in member-2 succeeds for a range session (null), or the error code it is refused with.</summary>
    private async Task<string?> ListUsersAsAsync(Shodo.Range.State.Iam.StsSession s)
    {
        using var aws = await Shodo.Aws.Connection.AwsConnection.OpenAsync(new Shodo.Aws.Connection.AwsConnectionOptions
        {
            Credentials = new Amazon.Runtime.SessionAWSCredentials(s.AccessKeyId, s.SecretAccessKey, s.Token), Region = "us-east-1",
            EndpointUrl = _range.Url, Retry = Shodo.Tests.Aws.TestConnections.QuickRetry, RefusalSink = Shodo.Aws.Safety.NoRefusalSink.Instance,
        });
        try
        {
            await aws.Iam().ListAllAsync(new Shodo.Aws.Iam.Calls.ListUsers());
            return null;
        }
        catch (Shodo.Aws.Errors.AwsServiceError e) { return e.Code; }
    }

    [Fact]
    public async Task The_attackers_sessions_of_the_entry_role_are_refused_at_once_and_shodos_own_session_of_it_still_acts()
    {
        var truth = _range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        Shodo.Range.State.Iam.StsSession[] attacker;
        Shodo.Range.State.Iam.StsSession shodo;
        lock (_range.State.Sync)
        {
            var sessions = Account(Member2).Iam.Sessions;
            attacker = truth.SessionAccessKeyIds.Select(k => sessions[k]).ToArray();
            shodo = sessions.Values.Where(x => x.RoleName == RangeOrganization.AccessRoleName && x.SessionName?.StartsWith(MemberAccountResponse.SessionPrefix, StringComparison.Ordinal) == true)
                .OrderBy(x => x.IssuedAt).First();
        }
        Assert.NotEmpty(attacker);
        Assert.All(attacker, a => Assert.Equal(RangeOrganization.AccessRoleName, a.RoleName));
        foreach (var a in attacker) Assert.Equal("AccessDenied", await ListUsersAsAsync(a));
        Assert.Null(await ListUsersAsAsync(shodo));

        // The deny's cut-off is Shodo's own session's issue time by AWS's clock (STS's Expiration less the hour asked for),
        // to the second; it is in the member's plan, its change journaled, and verified enforced, not merely stored.
        var outcome = MemberAccountsFile.Read(_result.Folder).Single(a => a.AccountId == Member2);
        var journal = JournalReader.Read(MemberAccountsFile.SubCase(_result.Folder, outcome)).ToList();
        var id = $"attach-deny-policy/{TargetKinds.Role}:global:{RangeOrganization.AccessRoleName}";
        var cut = Shodo.Containment.Planning.ResponderSessionCut.Format(new DateTimeOffset(shodo.IssuedAt.Ticks - shodo.IssuedAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
        Assert.Contains(journal, e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["actionId"] == id
            && ((string?)e.Data["request"]?["policyDocument"])?.Contains($"\"{cut}\"", StringComparison.Ordinal) == true);
        var done = Assert.Single(journal, e => e.Kind == ContainmentJournalKinds.Outcome && (string?)e.Data["actionId"] == id
            && (string?)e.Data["outcome"] is Outcomes.Done);
        Assert.Equal(Shodo.Containment.Reads.DenyEnforcement.Proven, (string?)done.Data["after"]?["enforcement"]);
        Assert.All(attacker, a => Assert.True(a.IssuedAt < DateTimeOffset.Parse(cut, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(outcome.Contained, outcome.Detail);
    }

    [Fact]
    public void The_drill_times_each_member_contained_from_the_parent_cases_opening_and_lists_only_the_accounts_changed()
    {
        var seconds = Shodo.Drill.AccountsContainedAt.Seconds(_result.Folder);
        // Only member-2 had anything contained (member-4 could not be entered; the others were untouched).
        Assert.Equal([Member2], seconds.Keys);
        var parent = JournalReader.Read(_result.Folder);
        var entered = parent.Single(e => e.Kind == MemberAccountJournalKinds.Entered && (string?)e.Data["accountId"] == Member2).Time;
        var responded = parent.Single(e => e.Kind == MemberAccountJournalKinds.Responded && (string?)e.Data["accountId"] == Member2).Time;
        // Held from a verification inside the member's response: after it was entered, by the time it responded.
        Assert.InRange(seconds[Member2]!.Value, Math.Floor((entered - parent[0].Time).TotalSeconds * 10) / 10,
            Math.Ceiling((responded - parent[0].Time).TotalSeconds * 10) / 10);
    }

    [Fact]
    public void The_accounts_the_leaked_keys_trail_shows_it_entered_are_entered_before_the_management_accounts_investigation_starts()
    {
        var journal = JournalReader.Read(_result.Folder);
        var investigate = journal.Single(e => e.Kind == ResponseJournalKinds.StepStarted && (string?)e.Data["step"] == new InvestigateStep().Name).Seq;
        // member-2 entered, member-4 tried (its role no longer trusts the management account): each once, while the pursuit contained.
        var entered = Assert.Single(journal, e => e.Kind == MemberAccountJournalKinds.Entered && (string?)e.Data["accountId"] == Member2);
        Assert.True(entered.Seq < investigate, $"member-2 entered at {entered.Seq}, the investigation started at {investigate}");
        var tried = Assert.Single(journal, e => e.Kind == MemberAccountJournalKinds.NotEntered && (string?)e.Data["accountId"] == Member4);
        Assert.True(tried.Seq < investigate, $"member-4 tried at {tried.Seq}, the investigation started at {investigate}");
        // The accounts only the organisation names wait for the accounts step; each is entered once.
        var accountsStep = journal.Single(e => e.Kind == ResponseJournalKinds.StepStarted && (string?)e.Data["step"] == MemberAccountsStep.StepName).Seq;
        Assert.All(new[] { 1, 3, 5 }.Select(i => RangeOrganization.MemberId(Management, i)), id =>
            Assert.True(Assert.Single(journal, e => e.Kind == MemberAccountJournalKinds.Entered && (string?)e.Data["accountId"] == id).Seq > accountsStep));
        // Entered because it was reached, and in the organisation: accounts.json says both.
        Assert.Equal([MemberAccount.InOrganization, MemberAccount.Reached], MemberAccountsFile.Read(_result.Folder).Single(a => a.AccountId == Member2).Why);
    }

    [Fact]
    public void An_account_whose_role_cannot_be_assumed_is_a_named_gap_journaled_and_the_step_incomplete()
    {
        var journal = JournalReader.Read(_result.Folder);
        var gap = Assert.Single(journal, e => e.Kind == MemberAccountJournalKinds.NotEntered && (string?)e.Data["accountId"] == Member4);
        Assert.Equal("AccessDenied", (string?)gap.Data["code"]);
        Assert.Equal($"arn:aws:iam::{Member4}:role/{RangeOrganization.AccessRoleName}", (string?)gap.Data["roleArn"]);
        var outcome = MemberAccountsFile.Read(_result.Folder).Single(a => a.AccountId == Member4);
        Assert.False(outcome.Entered);
        Assert.Equal(StepOutcome.Incomplete, _result.Outcome.Steps.Single(s => s.Step == MemberAccountsStep.StepName).Result.Outcome);
    }

    [Fact]
    public void Accounts_the_attacker_did_not_touch_are_recorded_and_nothing_in_them_is_changed()
    {
        var outcomes = MemberAccountsFile.Read(_result.Folder);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => RangeOrganization.MemberId(Management, i)).Order(), outcomes.Select(o => o.AccountId).Order());
        lock (_range.State.Sync)
        {
            foreach (var id in outcomes.Select(o => o.AccountId).Where(id => id != Member2 && id != Member4))
                Assert.DoesNotContain(Account(id).Calls, c => c.Caller?.Arn.Contains("/shodo-", StringComparison.Ordinal) == true && !c.ReadOnly);
            Assert.All(Account(Member3).Ec2("ap-northeast-1").Instances, i => Assert.Equal(InstanceStates.Running, i.State));
        }
        Assert.All(outcomes.Where(o => o.AccountId != Member4), o => Assert.True(o.Entered));
    }

    [Fact]
    public void The_case_and_each_member_sub_case_verify_the_sub_case_anchored_in_the_parents_chain()
    {
        Assert.True(CaseVerifier.Verify(_result.CaseDirectory).Intact);
        var entered = MemberAccountsFile.Read(_result.Folder).Where(o => o.Entered).ToList();
        Assert.NotEmpty(entered);
        foreach (var o in entered)
        {
            var responded = JournalReader.Read(_result.Folder).Last(e => e.Kind == MemberAccountJournalKinds.Responded && (string?)e.Data["accountId"] == o.AccountId);
            var anchor = new JournalAnchor((long)responded.Data["journal"]!["seq"]!, (string)responded.Data["journal"]!["hash"]!);
            var sub = CaseVerifier.Verify(MemberAccountsFile.SubCase(_result.Folder, o).Directory, new CaseVerifyOptions { Anchors = [anchor] });
            Assert.True(sub.Intact, string.Join("; ", sub.Findings.Select(f => f.Problem)));
        }
    }

    [Theory]
    [InlineData("en", "Other accounts of the organisation", "Not entered: AWS refused the role")]
    [InlineData("ja", "組織の他のアカウント", "入れませんでした: AWS がロール")]
    public async Task The_report_has_an_organisation_summary_and_a_part_per_account_the_gap_named(string lang, string heading, string notEntered)
    {
        var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(_result.CaseDirectory, Shodo.Reports.ReportFormat.Markdown, lang));
        var section = md[md.IndexOf(heading, StringComparison.Ordinal)..];
        foreach (var i in Enumerable.Range(1, 5))
            Assert.Contains("| " + RangeOrganization.MemberId(Management, i) + " |", section);
        var truth = _range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        Assert.Contains(Assert.Single(truth.Users), section);
        Assert.All(truth.Instances, i => Assert.Contains(i.InstanceId, section));
        var gap = section[section.IndexOf(notEntered, StringComparison.Ordinal)..];
        Assert.Contains($"arn:aws:iam::{Member4}:role/{RangeOrganization.AccessRoleName}", gap.Split('\n')[0]);
        Assert.Contains("AccessDenied", gap.Split('\n')[0]);
    }
    [Fact]
    public async Task Report_json_has_every_account_how_it_was_reached_entered_or_the_gap_and_what_was_contained_there()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(_result.CaseDirectory,
            Shodo.Reports.ReportFormat.Json, "en")))!;
        var accounts = json["accounts"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => RangeOrganization.MemberId(Management, i)).Order(),
            accounts.Select(a => (string)a["accountId"]!).Order());
        JsonObject Of(string id) => accounts.Single(a => (string?)a["accountId"] == id);

        var attacked = Of(Member2);
        var truth = _range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        Assert.True((bool)attacked["entered"]!);
        Assert.Null(attacked["gap"]);
        Assert.Contains(MemberAccount.Reached, attacked["why"]!.AsArray().Select(w => (string)w!));
        Assert.True((bool)attacked["contained"]!);
        var done = attacked["containment"]!.AsArray().Where(x => (string?)x!["outcome"] is Outcomes.Done or Outcomes.AlreadyDone)
            .Select(x => (string)x!["actionId"]!).ToList();
        Assert.Contains($"attach-deny-policy/{TargetKinds.User}:global:{Assert.Single(truth.Users)}", done);
        Assert.All(truth.Instances, i => Assert.Contains(done, id => id.EndsWith($"{TargetKinds.Instance}:{i.Region}:{i.InstanceId}", StringComparison.Ordinal)));
        Assert.Empty(attacked["sessionsLeftToScp"]!.AsArray());
        Assert.NotNull(attacked["journal"]!["head"]);

        var gap = Of(Member4);
        Assert.False((bool)gap["entered"]!);
        Assert.Equal("AccessDenied", (string?)gap["gap"]!["code"]);
        Assert.Equal($"arn:aws:iam::{Member4}:role/{RangeOrganization.AccessRoleName}", (string?)gap["roleArn"]);
        Assert.Empty(gap["containment"]!.AsArray());

        // Entered, nothing of the attacker's there: nothing contained.
        Assert.Empty(Of(Member3)["containment"]!.AsArray().Where(x => (string?)x!["outcome"] == Outcomes.Done));
    }

    [Fact]
    public void With_no_organisation_trail_a_members_events_are_read_by_its_own_LookupEvents_as_before_and_coverage_says_why()
    {
        var outcome = MemberAccountsFile.Read(_result.Folder).Single(a => a.AccountId == Member2);
        var coverage = JsonNode.Parse(MemberAccountsFile.SubCase(_result.Folder, outcome).Read("coverage.json")!)!["investigation"]!;
        Assert.True((bool)coverage["lookupEvents"]!);
        Assert.Equal("no-organization-trail", (string?)coverage["organizationTrail"]!["reason"]);
        Assert.Null(coverage["organizationTrail"]!["folder"]);
        lock (_range.State.Sync) // the member's investigation asked its own LookupEvents, through the member role
            Assert.Contains(Account(Member2).Calls, c => c.EventName == "LookupEvents" && c.ErrorCode is null
                && c.Caller?.Arn.Contains("/shodo-", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("en", "Its events were read by LookupEvents in the account: the management account has no organisation trail")]
    [InlineData("ja", "イベントはアカウント内の LookupEvents で読みました：管理アカウントに S3 へ配信する組織の証跡がありません")]
    public async Task The_report_says_a_members_events_were_read_by_its_LookupEvents_when_there_is_no_organisation_trail(string lang, string said)
    {
        var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(_result.CaseDirectory, Shodo.Reports.ReportFormat.Markdown, lang));
        var part = md[md.IndexOf(new Shodo.Reports.ReportText(new System.Globalization.CultureInfo(lang)).Get("AccountHeading", Member2), StringComparison.Ordinal)..];
        Assert.Contains(said, part);
    }

    [Fact]
    public void Case_verify_of_the_parent_case_finds_a_document_changed_in_a_member_accounts_sub_case()
    {
        using var copy = new TempFolder();
        CopyTree(_result.CaseDirectory, copy.Path);
        var member = MemberAccountsFile.Read(_result.Folder).Single(a => a.AccountId == Member2);
        var identities = Path.Combine(copy.Path, member.Case!, "identities.json");
        File.WriteAllText(identities, File.ReadAllText(identities).Replace("svc-cloudsync", "svc-cloudsynd", StringComparison.Ordinal));

        var verification = CaseVerifier.Verify(copy.Path);
        Assert.False(verification.Intact);
        Assert.Contains(verification.Findings, f => f.Path.StartsWith($"{member.Case}/", StringComparison.Ordinal)
            && f.Problem.Contains(member.Case!, StringComparison.Ordinal));
    }

    [Fact]
    public void An_SCP_that_waits_for_a_person_is_asked_for_once_by_the_whole_plan_and_the_pursuit_still_holds_the_management_account()
    {
        // The authority policy here leaves deny-by-scp to an approver: the pursuit does not plan it (nothing there waits on a
        // person, and its verification holds the management account's own attacker); the whole plan asks for it, with the
        // investigation's whole picture, and it waits.
        var journal = JournalReader.Read(_result.Folder).ToList();
        var pursued = journal.Single(e => e.Kind == ResponseJournalKinds.StepFinished && (string?)e.Data["step"] == PursueStep.StepName).Seq;
        bool Lever(JournalEntry e) => ((string?)e.Data["actionId"])?.StartsWith("deny-by-scp/", StringComparison.Ordinal) == true;
        var waiting = journal.Where(e => e.Kind == ContainmentJournalKinds.Outcome && Lever(e)).ToList();
        Assert.NotEmpty(waiting);
        Assert.All(waiting, e =>
        {
            Assert.Equal(Outcomes.PendingApproval, (string?)e.Data["outcome"]);
            Assert.True(e.Seq > pursued, $"deny-by-scp waited at {e.Seq}, the pursuit finished at {pursued}");
        });
        Assert.Contains(journal, e => e.Kind == ContainmentJournalKinds.Verified && e.Seq < pursued && (bool?)e.Data["contained"] == true);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
