using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.CaseCommands;

/// <summary><c>shodo case show DIR</c>: what the case is, what its journal holds by kind, how much evidence.</summary>
public sealed class CaseShowCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var dir = new Argument<string>("DIR") { Description = "The case folder, or a case id under --case-dir." };
        var command = new Command("show",
            "Summarise a case: case.json, journal entries by kind, evidence count and size. Does not verify.\n\n" +
            "Example:\n  shodo case show cases/2026-11-28T1423Z-k3x9q2 --output json")
        { Arguments = { dir } };
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx =>
        {
            var folder = CaseFolderPath.Resolve(parse.GetValue(dir)!, ctx.Settings);
            var summary = CaseSummary.Read(CaseFolder.At(folder));
            if (ctx.Json) WriteJson(ctx, folder, summary);
            else WriteText(ctx, folder, summary);
            return Task.FromResult(ExitCode.Success);
        }));
        return command;
    }

    private static void WriteJson(CommandContext ctx, string folder, CaseSummary s)
    {
        var m = s.Manifest;
        ctx.Out.WriteLine(JsonSerializer.Serialize(new
        {
            id = m.Id, path = folder, title = m.Title, accountId = m.AccountId,
            openedAt = CaseTime.Format(m.OpenedAt),
            openedBy = new { localUser = m.OpenedBy.LocalUser, host = m.OpenedBy.Host, callerArn = m.OpenedBy.CallerArn },
            shodoVersion = m.ShodoVersion, format = m.Format,
            journal = new
            {
                entries = s.JournalEntries, byKind = s.EntriesByKind, unreadableLines = s.UnreadableLines,
                lastEntryAt = s.LastEntryAt is { } t ? CaseTime.Format(t) : null,
            },
            evidence = new { items = s.EvidenceRecords, files = s.EvidenceBlobs, bytes = s.EvidenceBytes, storedBytes = s.EvidenceStoredBytes },
        }));
    }

    private static void WriteText(CommandContext ctx, string folder, CaseSummary s)
    {
        var m = s.Manifest;
        var rows = new List<(string Label, string Value)>
        {
            (Messages.Get("CaseLabelId"), m.Id),
            (Messages.Get("CaseLabelTitle"), m.Title ?? "-"),
            (Messages.Get("CaseLabelAccount"), m.AccountId ?? "-"),
            (Messages.Get("CaseLabelOpened"), CaseTime.Format(m.OpenedAt)),
            (Messages.Get("CaseLabelOpenedBy"), $"{m.OpenedBy.LocalUser}@{m.OpenedBy.Host}" + (m.OpenedBy.CallerArn is { } arn ? $" ({arn})" : "")),
            (Messages.Get("CaseLabelVersion"), m.ShodoVersion),
            (Messages.Get("CaseLabelJournal"), Messages.Get("CaseJournalSummary", s.JournalEntries, s.LastEntryAt is { } t ? CaseTime.Format(t) : "-")),
        };
        var width = rows.Max(r => r.Label.Length) + 2;
        foreach (var (label, value) in rows)
            ctx.Out.WriteLine(Terminal.Plain(label.PadRight(width) + value));
        var kindWidth = s.EntriesByKind.Keys.DefaultIfEmpty("").Max(k => k.Length) + 2;
        foreach (var (kind, count) in s.EntriesByKind)
            ctx.Out.WriteLine(Terminal.Plain(new string(' ', width + 2) + kind.PadRight(kindWidth) + count.ToString(CultureInfo.InvariantCulture)));
        ctx.Out.WriteLine(Terminal.Plain(Messages.Get("CaseLabelEvidence").PadRight(width) +
            Messages.Get("CaseEvidenceSummary", s.EvidenceRecords, s.EvidenceBlobs, s.EvidenceBytes, s.EvidenceStoredBytes)));
        if (s.UnreadableLines > 0) ctx.Out.WriteLine(Messages.Get("CaseUnreadableLines", s.UnreadableLines));
        ctx.Out.WriteLine(Terminal.Plain(Messages.Get("CaseShowVerifyHint", folder)));
    }
}
