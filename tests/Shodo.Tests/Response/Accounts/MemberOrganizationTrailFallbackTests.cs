using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Containment;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Response.Accounts;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response.Accounts;

/// <summary>
/// org-pivot whose audit trail is an organisation trail of the management account, whose bucket refuses the management
/// account's responder (an explicit Deny of s3:* on it), and with LookupEvents also denied in member-2 by an explicit Deny on
/// the role Shodo enters it by: one respond from the management account with the leaked key. The attacker reached member-2
/// and member-4.
/// </summary>
public sealed class OrgTrailRefusedResponse : IAsyncLifetime
{
    public const string Bucket = OrgTrailMemberResponse.Bucket;
    public static readonly string Member2 = OrgPivotMemberResponse.Member2;
    public static readonly string Member4 = OrgPivotMemberResponse.Member4;
    private readonly TempFolder _cases = new();
    public RangeHost Range { get; private set; } = null!;
    public FirstResponseResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        ParentOrganizationTrailTests.OrganizationTrail(Range).LogFileValidationEnabled = true;
        lock (Range.State.Sync)
        {
            Range.State.Iam.Users[RangeHost.ResponderUserName].InlinePolicies["NoOrganizationTrailBucket"] =
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::{{Bucket}}","arn:aws:s3:::{{Bucket}}/*"]}]}""";
            Account(Member2).Iam.Role(RangeOrganization.AccessRoleName)!.InlinePolicies["NoLookupEvents"] =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"cloudtrail:LookupEvents","Resource":"*"}]}""";
        }
        var request = new ResponseRequest
        {
            AccessKeyId = Range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true,
            Members = new MemberAccountsRequest { RoleName = RangeOrganization.AccessRoleName },
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

    public CaseFolder MemberCase(string account)
    {
        var outcome = MemberAccountsFile.Read(Result.Folder).Single(a => a.AccountId == account);
        Assert.True(outcome.Entered, outcome.Detail);
        return MemberAccountsFile.SubCase(Result.Folder, outcome);
    }

    public JsonNode Coverage(string account) => JsonNode.Parse(MemberCase(account).Read("coverage.json")!)!["investigation"]!;

    public JournalEntry StepFinished(string account, string step) => JournalReader.Read(MemberCase(account))
        .Single(e => e.Kind == ResponseJournalKinds.StepFinished && (string?)e.Data["step"] == step);
}

/// <summary>
/// A member's events when the organisation trail chosen for them cannot be read (issue 21): the pursuit and the investigation
/// fall back to the member's own LookupEvents, say so in their step lines and in coverage.json (the source used, the folder
/// that failed and AWS's answer), and with LookupEvents refused too the member's events are a named gap, never "no events".
/// </summary>
public sealed class MemberOrganizationTrailFallbackTests(OrgTrailRefusedResponse response) : IClassFixture<OrgTrailRefusedResponse>
{
    private static readonly string Member2 = OrgTrailRefusedResponse.Member2;
    private static readonly string Member4 = OrgTrailRefusedResponse.Member4;

    private string Folder(string account) => $"s3://{OrgTrailRefusedResponse.Bucket}/AWSLogs/{response.Range.Organization!.Id}/{account}/";

    [Fact]
    public void With_the_trail_bucket_refused_the_members_pursuit_reads_its_LookupEvents_and_cuts_the_backdoor_itself()
    {
        var truth = response.Range.GroundTruth!.Accounts.Single(a => a.AccountId == Member4).Found;
        // The bucket really refused the management account: no object of it was served.
        lock (response.Range.State.Sync)
        {
            Assert.Contains(response.Range.State.Calls, c => c.Service == "s3" && c.ErrorCode == "AccessDenied");
            Assert.DoesNotContain(response.Range.State.Calls, c => c.Service == "s3" && c.ErrorCode is null && c.EventName == "GetObject"
                && c.RequestParameters?["bucketName"]?.GetValue<string>() == OrgTrailRefusedResponse.Bucket);
            Assert.Contains(response.Account(Member4).Calls, c => c.EventName == "LookupEvents" && c.ErrorCode is null);
        }
        var journal = JournalReader.Read(response.MemberCase(Member4)).ToList();
        var pursued = response.StepFinished(Member4, PursueStep.StepName);
        Assert.Equal(StepOutcome.Done, Enum.Parse<StepOutcome>((string)pursued.Data["outcome"]!, true));
        // Its line says what it read, what failed and AWS's answer.
        var detail = (string?)pursued.Data["detail"] ?? "";
        Assert.Contains("LookupEvents", detail);
        Assert.Contains(Folder(Member4), detail);
        Assert.Contains("AccessDenied", detail);
        // It cut the attacker's backdoor user there itself, before its step finished.
        var user = $"{TargetKinds.User}:global:{Assert.Single(truth.Users)}";
        var cut = journal.FindIndex(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["target"] == user);
        var started = journal.FindIndex(e => e.Kind == ResponseJournalKinds.StepStarted && (string?)e.Data["step"] == PursueStep.StepName);
        var finished = journal.FindIndex(e => e.Seq == pursued.Seq);
        Assert.True(cut > started && cut < finished, $"the user was cut at {cut}, the pursuit ran from {started} to {finished}");
        lock (response.Range.State.Sync)
            Assert.All(truth.AccessKeyIds, k => Assert.Equal("Inactive", response.Account(Member4).Iam.AccessKeys[k].Status));
        // The investigation's line says it too.
        Assert.Contains(Folder(Member4), (string?)response.StepFinished(Member4, "investigate").Data["detail"]);
    }

    [Fact]
    public void The_members_coverage_names_the_source_used_the_folder_that_failed_and_AWSs_answer()
    {
        var coverage = response.Coverage(Member4);
        Assert.True((bool)coverage["lookupEvents"]!);
        var events = coverage["organizationTrail"]!;
        Assert.Equal("organization-trail", (string?)events["reason"]);
        var fallback = events["fallback"]!;
        Assert.Equal("LookupEvents", (string?)fallback["used"]);
        Assert.Equal(Folder(Member4), (string?)fallback["failed"]);
        Assert.Equal("AccessDenied", (string?)fallback["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)fallback["answer"]));
        // LookupEvents read the attacker's events there: the refused bucket is not left as a gap of the member's.
        Assert.True((int)coverage["records"]! > 0);
        Assert.DoesNotContain(coverage["gaps"]!.AsArray(), g => ((string?)g!["source"] ?? "").Contains(OrgTrailRefusedResponse.Bucket, StringComparison.Ordinal));
        var identities = InvestigationFiles.ReadIdentities(response.MemberCase(Member4));
        var truth = response.Range.GroundTruth!.Accounts.Single(a => a.AccountId == Member4).Found;
        Assert.All(truth.Users, u => Assert.Contains(identities, i => i.Name == u && i.Confidence == Confidence.Confirmed));
    }

    [Fact]
    public void With_LookupEvents_refused_too_the_members_events_are_a_named_gap_never_no_events()
    {
        var coverage = response.Coverage(Member2);
        Assert.False((bool)coverage["complete"]!);
        Assert.Equal("LookupEvents", (string?)coverage["organizationTrail"]!["fallback"]!["used"]);
        var gaps = coverage["gaps"]!.AsArray();
        // Both sources are named, each with AWS's refusal.
        Assert.Contains(gaps, g => ((string?)g!["source"] ?? "").Contains(OrgTrailRefusedResponse.Bucket, StringComparison.Ordinal)
            && (string?)g["code"] == "AccessDenied");
        Assert.Contains(gaps, g => ((string?)g!["source"] ?? "").StartsWith("lookup:", StringComparison.Ordinal)
            && (string?)g["kind"] == "AccessDenied");
        // Neither step says it is done: the pursuit found nothing because it could read nothing.
        var pursued = response.StepFinished(Member2, PursueStep.StepName);
        Assert.Equal(StepOutcome.Incomplete, Enum.Parse<StepOutcome>((string)pursued.Data["outcome"]!, true));
        Assert.Contains(Folder(Member2), (string?)pursued.Data["detail"]);
        var investigated = response.StepFinished(Member2, "investigate");
        Assert.Equal(StepOutcome.Incomplete, Enum.Parse<StepOutcome>((string)investigated.Data["outcome"]!, true));
    }

    [Theory]
    [InlineData("en", "could not be read through account")]
    [InlineData("ja", "の接続で読めませんでした")]
    public async Task The_members_part_of_the_report_says_its_events_came_from_LookupEvents_because_the_folder_failed(string lang, string said)
    {
        var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(response.Result.CaseDirectory, Shodo.Reports.ReportFormat.Markdown, lang));
        var part = md[md.IndexOf(new Shodo.Reports.ReportText(new System.Globalization.CultureInfo(lang)).Get("AccountHeading", Member4), StringComparison.Ordinal)..];
        var line = part.Split('\n').First(l => l.Contains(said, StringComparison.Ordinal));
        Assert.Contains("LookupEvents", line);
        Assert.Contains(Member4, line);
        Assert.Contains("AccessDenied", line);
        Assert.Contains(response.Range.Organization!.ManagementAccountId, line);
    }
}
