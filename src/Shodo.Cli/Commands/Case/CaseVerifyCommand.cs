using System.CommandLine;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.CaseCommands;

/// <summary>
/// <c>shodo case verify DIR</c>: recomputes every hash; exit 0 when the case is intact, 8
/// (<see cref="ExitCode.CaseTampered"/>) naming the file and line of each problem when it is not.
/// </summary>
public sealed class CaseVerifyCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var dir = new Argument<string>("DIR") { Description = "The case folder, or a case id under --case-dir." };
        var command = new Command("verify",
            "Verify a case: every journal entry's hash and link, case.json, the evidence index and every evidence file. " +
            "Exits 0 when intact, 8 when anything was altered.\n\n" +
            "Example:\n  shodo case verify cases/2026-11-28T1423Z-k3x9q2")
        { Arguments = { dir } };
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx =>
        {
            var folder = CaseFolderPath.Resolve(parse.GetValue(dir)!, ctx.Settings);
            var result = CaseVerifier.Verify(folder);
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    path = folder, intact = result.Intact, journalEntries = result.JournalEntries,
                    evidenceRecords = result.EvidenceRecords, evidenceFiles = result.EvidenceBlobs, journalHead = result.JournalHead,
                    findings = result.Findings.Select(f => new { path = f.Path, line = f.Line, problem = f.Problem }),
                }));
            else if (result.Intact)
                ctx.Out.WriteLine(Terminal.Plain(Messages.Get("CaseIntact", folder, result.JournalEntries, result.EvidenceBlobs, result.JournalHead)));
            else
                foreach (var finding in result.Findings)
                    ctx.Out.WriteLine(Terminal.Plain($"{finding.Path}{(finding.Line is { } line ? ":" + line : "")}: {finding.Problem}"));
            if (!result.Intact)
                throw new ShodoException(new Diagnostic(ExitCode.CaseTampered, Messages.Get("CaseTampered", folder, result.Findings[0].Problem)));
            return Task.FromResult(ExitCode.Success);
        }));
        return command;
    }
}
