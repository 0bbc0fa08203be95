using System.Text.Json.Nodes;
using Shodo.Cases.Accounts;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Response.Accounts;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response.Accounts;

/// <summary>
/// org-pivot whose audit trail is an organisation trail of the management account (digests on), and LookupEvents denied in
/// member-2 by an explicit Deny on the role Shodo enters it by: one respond from the management account with the leaked key.
/// </summary>
public sealed class OrgTrailMemberResponse : IAsyncLifetime
{
    public const string Bucket = "acme-org-trail";
    public static readonly string Member2 = OrgPivotMemberResponse.Member2;
    private readonly TempFolder _cases = new();
    public RangeHost Range { get; private set; } = null!;
    public FirstResponseResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });
        var state = Range.State;
        lock (state.Sync)
        {
            state.CreateBucket(Bucket, at: state.Clock.Now.AddDays(-600));
            var trail = state.CreateTrail("acme-organization", Bucket, startLoggingAt: state.Clock.Now.AddDays(-600));
            trail.IsOrganizationTrail = true;
            trail.LogFileValidationEnabled = true;
            Range.Organization!.ServiceAccess[RangeOrganization.CloudTrailPrincipal] = state.Clock.Now.AddDays(-600);
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
}

/// <summary>
/// A member account's events from the organisation trail (issue 21, item 4): when the management account has an organisation
/// trail, a member's investigation reads the member's folder of it (log files and their digests) through the management
/// account's connection instead of the member's LookupEvents — so with LookupEvents denied in the member, the attacker's
/// identities and resources there are still found, and coverage.json says where the events came from.
/// </summary>
public sealed class MemberOrganizationTrailTests(OrgTrailMemberResponse response) : IClassFixture<OrgTrailMemberResponse>
{
    private static readonly string Member2 = OrgTrailMemberResponse.Member2;

    private CaseFolder MemberCase()
    {
        var outcome = MemberAccountsFile.Read(response.Result.Folder).Single(a => a.AccountId == Member2);
        Assert.True(outcome.Entered, outcome.Detail);
        return MemberAccountsFile.SubCase(response.Result.Folder, outcome);
    }

    /// <summary>Whether LookupEvents in member-2 succeeds for Shodo's own session of the role it entered by (null), or its error code.</summary>
    private async Task<string?> LookupEventsAsShodoAsync()
    {
        Shodo.Range.State.Iam.StsSession shodo;
        lock (response.Range.State.Sync)
            shodo = response.Account(Member2).Iam.Sessions.Values
                .Where(x => x.RoleName == RangeOrganization.AccessRoleName && x.SessionName?.StartsWith(MemberAccountResponse.SessionPrefix, StringComparison.Ordinal) == true)
                .OrderBy(x => x.IssuedAt).First();
        using var aws = await Shodo.Aws.Connection.AwsConnection.OpenAsync(new Shodo.Aws.Connection.AwsConnectionOptions
        {
            Credentials = new Amazon.Runtime.SessionAWSCredentials(shodo.AccessKeyId, shodo.SecretAccessKey, shodo.Token), Region = "us-east-1",
            EndpointUrl = response.Range.Url, Retry = Shodo.Tests.Aws.TestConnections.QuickRetry, RefusalSink = Shodo.Aws.Safety.NoRefusalSink.Instance,
        });
        try
        {
            await aws.CloudTrail("us-east-1").PageAsync(new Shodo.Trail.Lookup.LookupEvents(MaxResults: 1), null);
            return null;
        }
        catch (Shodo.Aws.Errors.AwsServiceError e) { return e.Code; }
    }

    [Fact]
    public async Task With_LookupEvents_denied_in_the_member_its_attackers_identities_and_resources_are_found_from_the_organisation_trail()
    {
        var truth = response.Range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        var sub = MemberCase();
        // LookupEvents really is refused there to Shodo's session (neither the pursuit nor the investigation asks it any more:
        // both read the organisation trail), and no LookupEvents call there was answered.
        Assert.NotNull(await LookupEventsAsShodoAsync());
        lock (response.Range.State.Sync)
            Assert.DoesNotContain(response.Account(Member2).Calls, c => c.EventName == "LookupEvents" && c.ErrorCode is null);
        var identities = InvestigationFiles.ReadIdentities(sub);
        Assert.NotEmpty(truth.Users);
        Assert.All(truth.Users, u => Assert.Contains(identities, i => i.Kind == IdentityKind.User && i.Name == u && i.Confidence == Confidence.Confirmed));
        Assert.All(truth.AccessKeyIds, k => Assert.Contains(identities, i => i.AccessKeyId == k));
        var resources = InvestigationFiles.ReadResources(sub);
        Assert.NotEmpty(truth.Instances);
        Assert.All(truth.Instances, t => Assert.Contains(resources, r => r.ResourceId == t.InstanceId));
        lock (response.Range.State.Sync)
            Assert.All(truth.AccessKeyIds, k => Assert.Equal("Inactive", response.Account(Member2).Iam.AccessKeys[k].Status));
    }

    [Fact]
    public void The_members_folder_of_the_organisation_trail_is_read_with_its_digests_through_the_management_account_and_named_in_coverage()
    {
        var org = response.Range.Organization!;
        var folder = $"AWSLogs/{org.Id}/{Member2}/";
        lock (response.Range.State.Sync)
        {
            var reads = response.Range.State.Calls
                .Where(c => c.Service == "s3" && c.EventName == "GetObject" && c.RequestParameters?["bucketName"]?.GetValue<string>() == OrgTrailMemberResponse.Bucket)
                .Select(c => c.RequestParameters?["key"]?.GetValue<string>() ?? "").ToList();
            Assert.Contains(reads, k => k.StartsWith(folder + "CloudTrail/", StringComparison.Ordinal));
            Assert.Contains(reads, k => k.StartsWith(folder + "CloudTrail-Digest/", StringComparison.Ordinal));
            // Only the folders of the accounts responded in (the management account's and each member's entered), no other member's.
            var entered = MemberAccountsFile.Read(response.Result.Folder).Where(a => a.Entered).Select(a => a.AccountId).Append(org.ManagementAccountId).ToList();
            Assert.True(entered.Count < org.Accounts.Count, "some member was not entered");
            Assert.All(reads, k => Assert.Contains(entered, a => k.StartsWith($"AWSLogs/{org.Id}/{a}/", StringComparison.Ordinal)));
        }
        var coverage = JsonNode.Parse(MemberCase().Read("coverage.json")!)!["investigation"]!;
        Assert.False((bool)coverage["lookupEvents"]!);
        var source = coverage["organizationTrail"]!;
        Assert.Equal("organization-trail", (string?)source["reason"]);
        Assert.Equal($"s3://{OrgTrailMemberResponse.Bucket}/{folder}", (string?)source["folder"]);
        Assert.Equal(org.ManagementAccountId, (string?)source["readAs"]);
        var digests = coverage["digests"]!.AsArray().Single(d => (string?)d!["location"] == $"s3://{OrgTrailMemberResponse.Bucket}")!;
        Assert.True((int)digests["logFilesRead"]! > 0);
        Assert.Equal((int)digests["logFilesRead"]!, (int)digests["logFilesVerified"]!);
        Assert.Empty(digests["altered"]!.AsArray());
    }

    [Fact]
    public void With_LookupEvents_denied_in_the_member_its_pursuit_reads_the_organisation_trail_and_cuts_the_backdoor_itself()
    {
        var truth = response.Range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        var journal = JournalReader.Read(MemberCase()).ToList();
        int Index(Func<JournalEntry, bool> match) => journal.FindIndex(e => match(e));
        // The pursuit read where the investigation reads (the member's folder, through the management account), and said so.
        var pursued = journal.Single(e => e.Kind == ResponseJournalKinds.StepFinished && (string?)e.Data["step"] == PursueStep.StepName);
        Assert.Equal(StepOutcome.Done, Enum.Parse<StepOutcome>((string)pursued.Data["outcome"]!, true));
        var detail = (string?)pursued.Data["detail"] ?? "";
        Assert.Contains($"s3://{OrgTrailMemberResponse.Bucket}/AWSLogs/{response.Range.Organization!.Id}/{Member2}/", detail);
        Assert.Contains(response.Range.Organization.ManagementAccountId, detail);
        // What it read was enough to cut the attacker's user there: the pursuit contained it (before its step finished), not
        // the investigation after the member's snapshot.
        var user = $"{TargetKinds.User}:global:{Assert.Single(truth.Users)}";
        var cut = Index(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["target"] == user);
        var started = Index(e => e.Kind == ResponseJournalKinds.StepStarted && (string?)e.Data["step"] == PursueStep.StepName);
        var finished = journal.IndexOf(pursued);
        Assert.True(cut > started && cut < finished, $"the user was cut at {cut}, the member's pursuit ran from {started} to {finished}");
        // The management account's own pursuit, with no organisation trail chosen for it, still read LookupEvents.
        var own = JournalReader.Read(response.Result.Folder)
            .Single(e => e.Kind == ResponseJournalKinds.StepFinished && (string?)e.Data["step"] == PursueStep.StepName);
        Assert.Contains("LookupEvents", (string?)own.Data["detail"]);
    }

    [Fact]
    public void The_member_sees_the_organisation_trail_as_its_shadow_trail_knows_it_logs_and_never_reads_its_bucket_itself()
    {
        var org = response.Range.Organization!;
        var coverage = JsonNode.Parse(MemberCase().Read("coverage.json")!)!["investigation"]!["organizationTrail"]!;
        // The member's own DescribeTrails listed the management account's trail, and its GetTrailStatus by that ARN said it logs.
        Assert.True((bool?)coverage["seenInAccount"]);
        Assert.True((bool?)coverage["logging"]);
        Assert.Equal(Member2, (string?)coverage["loggingSeenBy"]);
        lock (response.Range.State.Sync)
        {
            var trailArn = Assert.Single(response.Range.State.Trails.Values, t => t.IsOrganizationTrail).Arn;
            Assert.Contains(response.Account(Member2).Calls, c => c.EventName == "GetTrailStatus" && c.ErrorCode is null
                && c.RequestParameters?["name"]?.GetValue<string>() == trailArn);
            // Its bucket is the management account's: the member's part is read only through the management account's connection.
            Assert.DoesNotContain(org.Accounts.SelectMany(a => a.State.Calls), c => c.Service == "s3" && c.Caller?.AccountId == Member2
                && c.RequestParameters?["bucketName"]?.GetValue<string>() == OrgTrailMemberResponse.Bucket);
        }
    }

    [Theory]
    [InlineData("en", "Its events were read from the organisation trail")]
    [InlineData("ja", "イベントは組織の証跡")]
    public async Task The_members_part_of_the_report_says_its_events_came_from_the_organisation_trail_and_why(string lang, string said)
    {
        var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(response.Result.CaseDirectory, Shodo.Reports.ReportFormat.Markdown, lang));
        var part = md[md.IndexOf(new Shodo.Reports.ReportText(new System.Globalization.CultureInfo(lang)).Get("AccountHeading", Member2), StringComparison.Ordinal)..];
        var line = part.Split('\n').First(l => l.Contains(said, StringComparison.Ordinal)); // member-2's part first
        Assert.Contains("acme", line);
        Assert.Contains(Member2, line);
        Assert.Contains(response.Range.Organization!.ManagementAccountId, line);
    }
}
