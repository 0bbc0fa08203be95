using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.CaseCommands;

/// <summary>
/// <c>shodo case verify DIR [--anchor SEQ:HASH]...</c>: recomputes every hash; exit 0 when the case is
/// intact, 8 (<see cref="ExitCode.CaseTampered"/>) naming the file and line of each problem when it is
/// not, 9 (<see cref="ExitCode.CaseBusy"/>) when another process kept changing it so no consistent view
/// could be read. Says what it proves: consistent and anchored (up to which entry, by what), or
/// consistent and not anchored.
/// </summary>
public sealed class CaseVerifyCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var dir = new Argument<string>("DIR") { Description = "The case folder, or a case id under --case-dir." };
        var anchor = new Option<string[]>("--anchor")
        {
            Description = "A journal head kept outside the case, SEQ:HASH, as escalation notices and the report show it " +
                          "(repeatable). Verification then proves that nothing up to that entry was changed, removed or rewritten.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("verify",
            "Verify a case: every journal entry's hash and link, case.json, the evidence index, every evidence file and document. " +
            "With --anchor (or the journal key in SHODO_JOURNAL_KEY) it also proves the journal was not rewritten. " +
            "Exits 0 when intact, 8 when anything was altered, 9 when another shodo process kept changing it.\n\n" +
            "Examples:\n  shodo case verify cases/2026-11-28T1423Z-k3x9q2\n" +
            "  shodo case verify cases/2026-11-28T1423Z-k3x9q2 --anchor 57:3f9a...c1   (SEQ:HASH from an escalation notice)")
        { Arguments = { dir }, Options = { anchor } };
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx =>
        {
            var folder = CaseFolderPath.Resolve(parse.GetValue(dir)!, ctx.Settings);
            var anchors = (parse.GetValue(anchor) ?? []).Select(text => JournalAnchor.Parse(text)
                ?? throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("CaseVerifyBadAnchor", Terminal.Plain(text))))).ToList();
            var key = ctx.CaseOptions.JournalKey;
            var result = CaseVerifier.Verify(folder, new CaseVerifyOptions { Anchors = anchors, Key = key });
            if (ctx.Json) ctx.Out.WriteLine(Json(folder, result));
            else Text(ctx.Out, folder, result, key is not null);
            if (!result.Intact && result.Unsettled)
                throw new ShodoException(new Diagnostic(ExitCode.CaseBusy, Messages.Get("CaseVerifyInUse", folder)));
            if (!result.Intact)
                throw new ShodoException(new Diagnostic(ExitCode.CaseTampered, Messages.Get("CaseTampered", folder, result.Findings[0].Problem)));
            return Task.FromResult(ExitCode.Success);
        }));
        return command;
    }

    private static void Text(TextWriter o, string folder, CaseVerification result, bool keyGiven)
    {
        if (!result.Intact)
        {
            foreach (var finding in result.Findings) o.WriteLine(Terminal.Plain(Line(finding)));
            return;
        }
        o.WriteLine(Terminal.Plain(Messages.Get("CaseIntact", folder, result.JournalEntries, result.EvidenceBlobs,
            new JournalAnchor(result.JournalEntries, result.JournalHead))));
        foreach (var sentence in Anchoring(folder, result, keyGiven)) o.WriteLine(Terminal.Plain(sentence));
        if (result.BeingWritten) o.WriteLine(Terminal.Plain(Messages.Get("CaseVerifyBeingWritten", result.JournalEntries)));
        foreach (var note in result.Notes) o.WriteLine(Terminal.Plain(Line(note)));
    }

    /// <summary>What the verification proves about where the journal came from, one sentence each.</summary>
    internal static IEnumerable<string> Anchoring(string folder, CaseVerification result, bool keyGiven)
    {
        var a = result.Anchoring;
        if (a.Through is { } through)
        {
            var by = string.Join(", ", a.By.Select(b => Messages.Get(b == AnchorSource.Given ? "CaseVerifyAnchorByGiven" : "CaseVerifyAnchorByJournalKey")));
            yield return Messages.Get("CaseVerifyAnchored", through.Seq, through.Hash, by);
            if (through.Seq < result.JournalEntries) yield return Messages.Get("CaseVerifyAnchoredPartly", through.Seq + 1, result.JournalEntries);
        }
        else
            yield return Messages.Get("CaseVerifyNotAnchored", folder);
        if (a.MacsUnchecked) yield return Messages.Get("CaseVerifyMacsUnchecked");
        if (keyGiven && !a.By.Contains(AnchorSource.JournalKey)) yield return Messages.Get("CaseVerifyNoMacs");
        if ((a.Through is null || a.Through.Seq < result.JournalEntries) && a.Sent.Count > 0)
        {
            var latest = a.Sent.MaxBy(s => s.Seq)!;
            yield return Messages.Get("CaseVerifyAnchorSent", a.Sent.Count, latest.Seq, latest.Target, latest.Channel,
                latest.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        }
    }

    private static string Line(CaseFinding f) => $"{f.Path}{(f.Line is { } line ? ":" + line : "")}: {f.Problem}";

    private static string Json(string folder, CaseVerification result) => JsonSerializer.Serialize(new
    {
        path = folder, intact = result.Intact, journalEntries = result.JournalEntries,
        evidenceRecords = result.EvidenceRecords, evidenceFiles = result.EvidenceBlobs, journalHead = result.JournalHead,
        anchored = result.Anchoring.Anchored,
        anchor = result.Anchoring.Through is { } t ? new
        {
            seq = t.Seq, hash = t.Hash,
            by = result.Anchoring.By.Select(b => b == AnchorSource.Given ? "anchor" : "journal-key"),
        } : null,
        anchorsSent = result.Anchoring.Sent.Select(s => new { seq = s.Seq, channel = s.Channel, target = s.Target, at = CaseTime.Format(s.At) }),
        beingWritten = result.BeingWritten,
        findings = result.Findings.Select(f => new { path = f.Path, line = f.Line, problem = f.Problem }),
        notes = result.Notes.Select(f => new { path = f.Path, line = f.Line, problem = f.Problem }),
    });
}
