using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Diagnostics;
using Shodo.Escalation.Notices;
using Shodo.Investigation.Model;
using Shodo.Localization;
using Shodo.Response.Steps;

namespace Shodo.Response.Accounts;

/// <summary>
/// The response in each other account of the organisation (issue 21, "respond in each account"): for every account of
/// <see cref="MemberAccountSelection"/>, at once, assume the member role through the responder's own credentials (the
/// connection's STS client, so the endpoint, retries and interlock hold), then respond there as in the responder's own
/// account — from the attacker's session key there when the investigation saw it enter (its trail pursued and what it
/// shows contained at once, while the account is recorded beside it; then the investigation and the whole plan), else
/// record and triage, containing nothing unconfirmed. The role Shodo entered by is denied there only for sessions issued
/// before Shodo's own (<see cref="ResponderRoleSessions"/>).
/// <para>
/// Each account is a case of its own inside the parent case (<c>accounts/ID/CASE</c>): every step, document and
/// evidence file of the single-account response works unchanged, and <c>case verify</c> verifies it as any case. The
/// parent's chain names each sub-case when it is entered and, at its end, its journal head (account.responded), so
/// the parent's chain anchors every member's chain. An account whose role cannot be assumed is a named gap:
/// journaled (account.not-entered, with AWS's answer), in accounts.json and the report, and escalated.
/// </para>
/// </summary>
public sealed partial class MemberAccountResponse(ResponseSession parent, MemberAccountsRequest request, CaseOptions caseOptions, string step)
{
    public const string Folder = "accounts";

    /// <summary>How long Shodo's session in each member is asked for (STS's default, which every role allows).</summary>
    public static readonly TimeSpan SessionDuration = TimeSpan.FromHours(1);

    /// <summary>How Shodo's session in each member begins (what CloudTrail there shows as the responder): shodo-CASE.</summary>
    public const string SessionPrefix = "shodo-";

    /// <summary>
    /// Every account of <see cref="MemberAccountSelection"/>: those <paramref name="begun"/> already (entered as soon as the
    /// pursuit saw them) are awaited, the others entered now; then accounts.json and the escalation of each gap.
    /// </summary>
    public async Task<IReadOnlyList<MemberAccountOutcome>> RunAsync(MembersBegun? begun, CancellationToken ct)
    {
        var (accounts, unlisted) = await MemberAccountSelection.SelectAsync(parent.Aws, parent.Case.Folder, parent.Responder.Account, request, ct)
            .ConfigureAwait(false);
        if (unlisted is not null)
        {
            var message = Messages.Get("AccountsOrganizationUnlisted", OneLine(unlisted));
            await parent.Case.Journal.AppendAsync(MemberAccountJournalKinds.NotEntered, new JsonObject
            {
                ["organization"] = true, ["code"] = (unlisted as Aws.Errors.AwsServiceError)?.Code, ["message"] = OneLine(unlisted),
            }, message, ct).ConfigureAwait(false);
            parent.Progress.Note(step, message);
            await parent.Milestones.NotifyAsync(Milestone.NotContained, message, ct).ConfigureAwait(false);
        }
        var later = EnterAsync(accounts.Where(a => begun?.Accounts.Contains(a.AccountId) != true).ToList(), ct);
        IReadOnlyList<MemberAccountOutcome> earlier = begun is null ? [] : await begun.Outcomes.ConfigureAwait(false);
        var why = accounts.ToDictionary(a => a.AccountId, a => a.Why, StringComparer.Ordinal);
        var order = accounts.Select(a => a.AccountId).ToList();
        var outcomes = earlier.Select(o => why.TryGetValue(o.AccountId, out var w) ? o with { Why = w } : o)
            .Concat(await later.ConfigureAwait(false))
            .OrderBy(o => order.IndexOf(o.AccountId) is var i and >= 0 ? i : int.MaxValue).ToList();
        if (outcomes.Count == 0) return [];
        await MemberAccountsFile.WriteAsync(parent.Case, outcomes, ct).ConfigureAwait(false);
        var gaps = outcomes.Where(o => o.Gap).ToList();
        if (gaps.Count > 0)
            await parent.Milestones.NotifyAsync(Milestone.NotContained, Messages.Get("AccountsNotEnteredSummary", gaps.Count,
                string.Join(", ", gaps.Select(g => g.AccountId))), ct).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>The response in each of <paramref name="accounts"/>, at most <see cref="MemberAccountsRequest.AtOnce"/> at once.</summary>
    public async Task<IReadOnlyList<MemberAccountOutcome>> EnterAsync(IReadOnlyList<MemberAccount> accounts, CancellationToken ct)
    {
        if (accounts.Count == 0) return [];
        parent.Progress.Note(step, Messages.Get("AccountsEntering", accounts.Count, request.RoleName));
        using var gate = new SemaphoreSlim(Math.Max(1, request.AtOnce));
        return await Task.WhenAll(accounts.Select(async a =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            parent.MemberSessions.Entering([a.AccountId]);
            try { return await OneAsync(a, ct).ConfigureAwait(false); }
            finally { gate.Release(); }
        })).ConfigureAwait(false);
    }

    private async Task<MemberAccountOutcome> OneAsync(MemberAccount account, CancellationToken ct)
    {
        var roleArn = $"arn:{AwsPartition.Of(parent.Responder.Arn, parent.Aws.Region)}:iam::{account.AccountId}:role/{request.RoleName}";
        var sink = new LateRefusalSink();
        AwsConnection aws;
        try
        {
            aws = await OpenAsync(parent, roleArn, sink, ct).ConfigureAwait(false);
        }
        catch (ShodoException e) when (!ct.IsCancellationRequested)
        {
            parent.MemberSessions.NotEntered(account.AccountId);
            return await NotEnteredAsync(account, roleArn, e, ct).ConfigureAwait(false);
        }
        catch
        {
            parent.MemberSessions.NotEntered(account.AccountId);
            throw;
        }
        parent.MemberSessions.Entered(account.AccountId, request.RoleName, aws.SessionIssuedAt);
        using (aws)
        {
            var me = await TransientRetry.RunAsync(() => aws.WhoAmIAsync(ct), parent.Time, ct).ConfigureAwait(false);
            using var sub = OpenOrLoad(account.AccountId);
            sink.Target = new JournalRefusalSink(sub.Journal);
            sub.BindCaller(me.Account, me.Arn);
            var relative = Path.GetRelativePath(parent.Case.Directory, sub.Directory).Replace('\\', '/');
            await parent.Case.Journal.AppendAsync(MemberAccountJournalKinds.Entered, new JsonObject
            {
                ["accountId"] = account.AccountId, ["roleArn"] = roleArn, ["as"] = me.Arn,
                ["why"] = new JsonArray(account.Why.Select(w => (JsonNode)w).ToArray()), ["case"] = relative,
            }, Messages.Get("AccountsEntered", account.AccountId, roleArn), ct).ConfigureAwait(false);
            var session = Session(parent, sub, aws, me, account.StartingKey, request.RoleName, step, account.AccountId);
            // No typed confirmation per account (they run at once, and one terminal cannot ask several): without --yes a
            // member's plan waits for 'shodo approve' on its sub-case, said in its outcome.
            ResponseOutcome? outcome = null;
            ShodoException? gaveUp = null;
            try
            {
                outcome = await new ResponseRunner(Steps(account)).RunAsync(session, ct).ConfigureAwait(false);
            }
            catch (ShodoException e) when (!ct.IsCancellationRequested)
            {
                gaveUp = e; // the member's runner journaled it in its sub-case; the other accounts go on
            }
            var left = ResponderRoleSessions.LeftToScp(sub, InvestigationFiles.ReadIdentities(sub.Folder), request.RoleName, aws.SessionIssuedAt);
            var contain = outcome?.Steps.FirstOrDefault(s => s.Step == ContainStep.StepName).Result;
            var result = new MemberAccountOutcome
            {
                AccountId = account.AccountId, Why = account.Why, RoleArn = roleArn, Entered = true, Case = relative,
                Outcome = gaveUp is not null ? "failed" : outcome!.Worst.ToString().ToLowerInvariant(),
                Contained = contain?.Outcome == StepOutcome.Done,
                Detail = gaveUp?.Diagnostic.Summary ?? (contain ?? outcome!.Steps[^1].Result).Detail,
                Code = (gaveUp as Aws.Errors.AwsServiceError)?.Code, Message = gaveUp?.Diagnostic.Summary,
                SessionsLeftToScp = left,
                JournalSeq = sub.Journal.Last.Seq, JournalHead = sub.Journal.Last.Hash,
            };
            await parent.Case.Journal.AppendAsync(MemberAccountJournalKinds.Responded, new JsonObject
            {
                ["accountId"] = account.AccountId, ["case"] = relative, ["outcome"] = result.Outcome, ["contained"] = result.Contained,
                ["sessionsLeftToScp"] = new JsonArray(left.Select(k => (JsonNode)k).ToArray()),
                ["journal"] = new JsonObject { ["seq"] = result.JournalSeq, ["hash"] = result.JournalHead },
            }, Messages.Get("AccountsResponded", account.AccountId, result.Outcome!, result.Detail ?? ""), CancellationToken.None).ConfigureAwait(false);
            parent.Progress.Note(step, Messages.Get("AccountsResponded", account.AccountId, result.Outcome!, result.Detail ?? ""));
            return result;
        }
    }

    /// <summary>A connection to a member account: its role assumed through the responder's own credentials (already the
    /// assumed break-glass role, when one was given), so the endpoint, retries and interlock hold.</summary>
    internal static Task<AwsConnection> OpenAsync(ResponseSession parent, string roleArn, Aws.Safety.IRefusalSink sink, CancellationToken ct) =>
        AwsConnection.OpenAsync(parent.Aws.Options with
        {
            Credentials = parent.Aws.Credentials, Profile = null, RoleArn = roleArn,
            // The duration asked for is known, so the session's issue time is STS's Expiration less it (AWS's clock).
            Assume = new RoleAssumption { SessionName = SessionName(parent.Case.Manifest.Id), Duration = SessionDuration }, RefusalSink = sink,
        }, ct);

    /// <summary>The response in a member's sub-case: from the attacker's session key there (or nothing: triage), no watch of
    /// its own, no further account, its progress under the parent's step.</summary>
    internal static ResponseSession Session(ResponseSession parent, Case sub, AwsConnection aws, CallerIdentity me, string? startingKey,
        string roleName, string step, string accountId) =>
        new(sub, aws, me, parent.Configuration, parent.Request with
        {
            AccessKeyId = startingKey, UserName = null, Watch = TimeSpan.Zero, Members = new MemberAccountsRequest { OnlyThisAccount = true },
        }, parent.Time, new AccountProgress(parent.Progress, step, accountId), NoMilestoneNotifier.Instance)
        {
            // Shodo's own session is of the member role, and so may the attacker's be: that role is denied only for sessions
            // issued before Shodo's own (AWS's time), so the attacker's are cut at once and Shodo's keeps working.
            LeftOut = i => ResponderRoleSessions.CutBefore(i, roleName, aws.SessionIssuedAt),
            // Its events from the organisation trail the parent found, through the parent's connection, when there is one.
            OrganizationTrail = ct => ParentOrganizationTrail.OfAsync(parent, ct),
        };

    private async Task<MemberAccountOutcome> NotEnteredAsync(MemberAccount account, string roleArn, ShodoException e, CancellationToken ct)
    {
        var code = Code(e);
        var message = e.Diagnostic.Detail ?? e.Diagnostic.Summary;
        var why = Messages.Get("AccountsNotEntered", account.AccountId, roleArn, OneLine(message));
        await parent.Case.Journal.AppendAsync(MemberAccountJournalKinds.NotEntered, new JsonObject
        {
            ["accountId"] = account.AccountId, ["roleArn"] = roleArn,
            ["why"] = new JsonArray(account.Why.Select(w => (JsonNode)w).ToArray()), ["code"] = code, ["message"] = OneLine(message),
        }, why, ct).ConfigureAwait(false);
        parent.Progress.Note(step, why);
        await parent.Milestones.NotifyAsync(Milestone.NotContained, why, ct).ConfigureAwait(false);
        return new MemberAccountOutcome
        {
            AccountId = account.AccountId, Why = account.Why, RoleArn = roleArn, Entered = false, Code = code, Message = OneLine(message),
            Detail = why,
        };
    }

    /// <summary>
    /// With the attacker's session key there, as in the responder's own account: its trail is pursued and what it shows
    /// contained while the account is recorded beside it, then the investigation and the whole plan; without one: record
    /// and triage.
    /// </summary>
    private static IReadOnlyList<IResponseStep> Steps(MemberAccount account) => account.StartingKey is null
        ? ResponseSteps.Triage
        :
        [
            new PursueStep(),
            new CollectStep(),
            new InvestigateStep(),
            new ContainStep(),
        ];

    /// <summary>The account's sub-case: the one a run before this (a resume) opened, else a new one.</summary>
    private Case OpenOrLoad(string accountId)
    {
        var root = Path.Combine(parent.Case.Directory, Folder, accountId);
        var existing = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, CaseFileNames.Manifest))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return existing is not null
            ? Case.Load(existing, caseOptions)
            : Case.Open(root, caseOptions with { AccountId = accountId, Title = $"{parent.Case.Manifest.Title} — account {accountId}" });
    }

    private static string? Code(ShodoException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is Aws.Errors.AwsServiceError a) return a.Code;
            if (x is Amazon.Runtime.AmazonServiceException s) return s.ErrorCode;
        }
        return e.Diagnostic.Code == ExitCode.AccessDenied ? "AccessDenied" : null;
    }

    /// <summary>What CloudTrail shows as the responder in each member: shodo- and the case id, in STS's 2-64 of [\w+=,.@-].</summary>
    public static string SessionName(string caseId)
    {
        var name = SessionPrefix + NotInSessionName().Replace(caseId, "-");
        return name.Length > 64 ? name[..64] : name;
    }

    private static string OneLine(Exception e) => OneLine((e as ShodoException)?.Diagnostic.Detail ?? e.Message);
    private static string OneLine(string s) => string.Join(" ", s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"[^\w+=,.@-]")]
    private static partial Regex NotInSessionName();
}
