using System.Text.Json.Nodes;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Containment.Record;
using Shodo.Response.Steps;

namespace Shodo.Response.Accounts;

/// <summary>
/// The watch's look in the other accounts (issue 21): CloudTrail delivers a member's events as late as the first
/// account's, so each look of <see cref="WatchStep"/> also enters again, at once, every member the response started from
/// the attacker's session key in, reads its events again (the investigation, in its sub-case) and contains what they now
/// attribute there (the contain step's rounds, quiet unless something changed; no plan touches the role Shodo entered by).
/// A look that changed something in a member is journaled in the parent (account.watched) with the sub-case's new journal
/// head, so the parent's chain anchors it. An account Shodo cannot enter again is said and left for the next look.
/// </summary>
public static class MemberAccountsWatch
{
    /// <summary>How many containment actions the look added across the members.</summary>
    public static async Task<int> LookAsync(ResponseSession parent, string step, CancellationToken ct)
    {
        if (parent.Request.Members.OnlyThisAccount) return 0;
        var watched = MemberAccountsFile.Read(parent.Case.Folder)
            .Where(o => o.Entered && o.Case is not null && o.Outcome != "failed").ToList();
        var added = await Task.WhenAll(watched.Select(o => OneAsync(parent, o, step, ct))).ConfigureAwait(false);
        return added.Sum();
    }

    private static async Task<int> OneAsync(ResponseSession parent, MemberAccountOutcome account, string step, CancellationToken ct)
    {
        var directory = Path.Combine(parent.Case.Directory, account.Case!);
        if (!File.Exists(Path.Combine(directory, CaseFileNames.Manifest))) return 0;
        var options = parent.CaseOptions ?? new CaseOptions();
        // Only where the response started from the attacker's session key: a triaged account contains nothing unconfirmed.
        string? key;
        using (var peek = Case.Load(directory, options))
            key = ResponseStartingPoint.Recorded(new ResponseRequest(), peek.Folder).AccessKeyId;
        if (key is null) return 0;
        var sink = new LateRefusalSink();
        AwsConnection aws;
        try
        {
            aws = await MemberAccountResponse.OpenAsync(parent, account.RoleArn, sink, ct).ConfigureAwait(false);
        }
        catch (Diagnostics.ShodoException e) when (!ct.IsCancellationRequested)
        {
            parent.Progress.Note(step, Localization.Messages.Get("AccountsWatchNotEntered", account.AccountId, e.Diagnostic.Summary));
            return 0;
        }
        using (aws)
        {
            var me = await Aws.Resilience.TransientRetry.RunAsync(() => aws.WhoAmIAsync(ct), parent.Time, ct).ConfigureAwait(false);
            using var sub = Case.Load(directory, options);
            sink.Target = new Aws.Safety.JournalRefusalSink(sub.Journal);
            sub.BindCaller(me.Account, me.Arn);
            var session = MemberAccountResponse.Session(parent, sub, aws, me, key, parent.Request.Members.RoleName, step, account.AccountId);
            var before = ContainmentLedger.Read(sub).FinalActions().Count();
            await new InvestigateStep { ShownAs = step }.RunAsync(session, ct).ConfigureAwait(false);
            var contained = await new ContainStep { OnlyWhenChanged = true, ShownAs = step }.RunAsync(session, ct).ConfigureAwait(false);
            var added = ContainmentLedger.Read(sub).FinalActions().Count() - before;
            if (added <= 0) return 0;
            await parent.Case.Journal.AppendAsync(MemberAccountJournalKinds.Watched, new JsonObject
            {
                ["accountId"] = account.AccountId, ["case"] = account.Case, ["added"] = added,
                ["contained"] = contained.Outcome == StepOutcome.Done,
                ["journal"] = new JsonObject { ["seq"] = sub.Journal.Last.Seq, ["hash"] = sub.Journal.Last.Hash },
            }, Localization.Messages.Get("AccountsWatchContained", account.AccountId, added), CancellationToken.None).ConfigureAwait(false);
            parent.Progress.Note(step, Localization.Messages.Get("AccountsWatchContained", account.AccountId, added));
            return added;
        }
    }
}
