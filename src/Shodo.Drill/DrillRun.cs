using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Diagnostics;
using Shodo.Drill.Rehearsal;
using Shodo.Evidence;
using Shodo.Investigation;
using Shodo.Localization;
using Shodo.Range;
using Shodo.Range.Admin;
using Shodo.Range.State.Organizations;
using Shodo.Response;

namespace Shodo.Drill;

/// <summary>
/// A rehearsal: starts the embedded range with a scenario and its live adversary, runs exactly the response
/// <c>shodo respond</c> runs against AWS (<see cref="FirstResponse"/>), escalating to a local
/// <see cref="RehearsalReceiver"/> that acknowledges as the on-call engineer, lets the adversary try again after
/// containment, and scores it all against the scenario's ground truth (<see cref="DrillScorecard"/>).
/// </summary>
public static class DrillRun
{
    /// <summary>The code the person on call reads off the break-glass role's MFA device (the range's STS takes any six digits).</summary>
    private const string RehearsalMfaCode = "123456";

    public static async Task<DrillResult> RunAsync(DrillOptions options, TimeProvider time, IResponseProgress progress, CancellationToken ct)
    {
        var scenario = options.Scenario;
        progress.Note("drill", Messages.Get("DrillStartingRange", scenario));
        await using var range = await RangeHost.StartAsync(new RangeOptions
        {
            Port = 0, Scenario = scenario, Adversary = true, TimeProvider = time,
            Latency = options.Latency, AdversaryInterval = options.AdversaryInterval, EventDelay = options.EventDelay,
        }, ct);
        var truth = range.GroundTruth
            ?? throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("DrillNoGroundTruth", scenario)));
        progress.Note("drill", Messages.Get("DrillRangeReady", range.Url, truth.LeakedAccessKeyId ?? "-"));

        // A scenario's break-glass role is assumed as the person on call would: external id, MFA device and a code.
        var role = range.Scenario?.ResponderRole;
        var connection = new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey),
            EndpointUrl = range.Url, Region = "us-east-1", Time = time,
            RoleArn = role?.RoleArn,
            Assume = role is null ? new() : new() { ExternalId = role.ExternalId, MfaSerial = role.MfaSerial, MfaToken = role.MfaSerial is null ? null : RehearsalMfaCode, SessionName = "shodo-drill" },
        };
        var request = new ResponseRequest
        {
            AccessKeyId = options.WithoutKey ? null : truth.LeakedAccessKeyId,
            UserName = options.WithoutKey || truth.LeakedAccessKeyId is not null ? null : truth.LeakedUserName,
            ApplyWithinAuthority = true, Language = options.Language,
            Watch = options.Watch, WatchInterval = options.WatchInterval,
            // An organisation: respond in every account, through the role its members have (the range seeds no other).
            Members = range.State.Organization is null ? new() : new() { Organization = true, RoleName = RangeOrganization.AccessRoleName },
        };
        var watch = new ContainmentWatch(progress, range);
        await using var receiver = RehearsalReceiver.Start(time);
        var language = options.Language is "ja" ? "ja" : "en";
        Task<FirstResponseResult> Respond(ResponseRequest r, string? resume) => FirstResponse.RunAsync(new FirstResponseOptions
        {
            Connection = connection, Request = r, Configuration = DrillEscalation.Configuration(receiver, language, scenario),
            CasesDirectory = options.CasesDirectory, CaseOptions = options.CaseOptions, ResumeCaseDirectory = resume,
            EnvironmentVariable = options.EnvironmentVariable,
            EscalationStarted = loop => receiver.AcknowledgeAfter(loop, DrillEscalation.AcknowledgedBy, DrillEscalation.AcknowledgeAfter),
            AcknowledgementGrace = DrillEscalation.AcknowledgeAfter + FirstResponse.DefaultAcknowledgementGrace,
        }, time, watch, ct);
        DateTimeOffset responseStarted;
        lock (range.State.Sync) responseStarted = range.State.Clock.Now;
        await using var poller = await LeakedKeyPoller.StartAsync(range, ct);
        var result = await Respond(request, null);
        DrillTriage? triage = null;
        if (options.WithoutKey)
        {
            triage = DrillTriage.Read(result.Folder);
            if (triage.Confirm(request) is { } confirmed)
            {
                progress.Note("drill", Messages.Get("DrillConfirmsCandidate", triage.Confirmed!));
                result = await Respond(confirmed, Path.GetFullPath(result.CaseDirectory));
            }
            else progress.Note("drill", Messages.Get("DrillNoCandidate"));
        }

        // Give the adversary a few more rounds: after containment every one of them must fail.
        // Counted from containment's verification, or (when it never held: a root key, a protected role) from the response's end.
        var adversary = range.Adversary!;
        var beforeByOperation = watch.SuccessesByOperation ?? adversary.Status.Successes;
        for (var round = 0; round < 3; round++) await adversary.TickAsync(ct);

        var responderArn = $"arn:aws:iam::{range.State.AccountId}:user/{RangeHost.ResponderUserName}";
        var roleSessions = role is null ? null : $"arn:aws:sts::{range.State.AccountId}:assumed-role/{role.RoleArn[(role.RoleArn.LastIndexOf('/') + 1)..]}/";
        bool IsShodo(string arn) => arn == responderArn || roleSessions is not null && arn.StartsWith(roleSessions, StringComparison.Ordinal)
                                    || MemberSessions.IsShodo(arn, range.State.AccountId);
        var destructive = CallCounters.Compute(range.State)["destructiveAttempts"]!.AsObject()
            .Where(c => IsShodo(c.Key))
            .Sum(c => c.Value!.GetValue<int>());
        var journal = JournalReader.Read(result.Folder);
        // The approved destructive step (a KMS grant revoked) counts apart; one the journal does not show approved is destructive.
        var steps = ApprovedDestructiveCalls.Read(range.State, journal, IsShodo);
        destructive += (int)steps.Unapproved;
        // What was created after the events the response's last reading could see (they appear EventDelay late), it never saw.
        var unseenAfter = journal.LastOrDefault(e => e.Kind == InvestigationJournalKinds.Started)?.Time - options.EventDelay;
        var reach = AdversaryReach.Split(range.State, journal, beforeByOperation, adversary.Status.Successes, adversary.Status.Created, unseenAfter);
        var recordedAt = journal.FirstOrDefault(e => e.Kind == CollectJournalKinds.Started)?.Time;
        var reportPath = journal.FirstOrDefault(e => e.Kind == JournalKinds.DocumentWritten && (string?)e.Data["producer"] == "report")
            is { } r ? CaseFileNames.Full(result.CaseDirectory, (string)r.Data["path"]!) : null;
        // What the adversary made in the other accounts is scored in each of them (OrganizationScore), from its own recording.
        var drillTruth = DrillTruth.From(truth, adversary.Status.Created.Where(c => c.AccountId is null || c.AccountId == range.State.AccountId).ToList(), recordedAt);
        var doorsOpen = DataDoorsOpen.Find(range.State, truth);
        // Then let the range's clock run on, as the hours after a response do: a stopped member of a group that was not
        // held fails its health check and is terminated and replaced; what containment held stays as it was.
        lock (range.State.Sync) range.State.Clock.Advance(ComputeOutcome.HeldFor);
        var compute = ComputeOutcome.Read(range.State, truth, responseStarted);
        var card = DrillScorecard.Score(result.Folder, scenario, drillTruth, reach.Reachable, destructive, reportPath) with
        {
            CaseDir = result.CaseDirectory,
            AdversarySuccessesBeyondReach = reach.BeyondReach, AdversarySuccessesBeyondReachDetail = reach.BeyondReachDetail,
            SecondsToKeyRefused = poller?.SecondsToRefused,
            AttackerInstancesLost = compute.Lost, AttackerInstancesUncontained = compute.Uncontained,
            InstancesReplacedDuringResponse = compute.Replaced,
            AttackerConnectionsOpen = compute.ConnectionsOpen,
            TriageCandidates = triage?.Candidates.Count,
            TriageLeakedKeyRank = triage?.RankOf(truth.LeakedAccessKeyId is { } leaked ? "access-key:" + leaked : null),
            TriageFalseCandidates = triage?.FalseCandidates(drillTruth),
            AdversarySuccessesAfterContainedDetail = reach.ReachableDetail,
            DataDoorsOpenAfterContained = doorsOpen.Count, DataDoorsOpenAfterContainedDetail = doorsOpen,
            ApprovedDestructiveSteps = steps.Approved, ApprovedDestructiveStepsDetail = steps.Detail,
            DataDoorsOpenByDecision = DataDoorsOpen.OpenByDecision(range.State, truth),
        };
        card = OrganizationScore.Apply(card, result.Folder, truth, adversary.Status.Created);
        card = await DrillHonesty.ScoreAsync(card, result.Folder, drillTruth, RangeFinalState.Read(range), ct).ConfigureAwait(false);
        return new DrillResult(card, result.Outcome);
    }
}
