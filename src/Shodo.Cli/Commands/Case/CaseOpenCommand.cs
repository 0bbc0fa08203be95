using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shodo.Cases;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.CaseCommands;

/// <summary><c>shodo case open [--title T] [--account ID]</c>: a new, owner-only case folder under --case-dir.</summary>
public sealed partial class CaseOpenCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var title = new Option<string?>("--title") { Description = "A short title for the case, e.g. what leaked and where." };
        var account = new Option<string?>("--account") { Description = "The 12-digit AWS account id the case is about." };
        var command = new Command("open",
            "Open a new case folder (case.json, journal.jsonl, evidence/) under --case-dir, readable by you only.\n\n" +
            "Example:\n  shodo case open --title \"Leaked key on GitHub\" --account 123456789012 --case-dir ./cases")
        { Options = { title, account } };
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx =>
        {
            var accountId = parse.GetValue(account);
            if (accountId is not null && !AccountId().IsMatch(accountId))
                throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("CaseBadAccount", Terminal.Plain(accountId))));
            using var opened = Shodo.Cases.Case.Open(ctx.Settings.CaseDir, ctx.CaseOptions with
            {
                Title = parse.GetValue(title),
                AccountId = accountId,
            });
            var m = opened.Manifest;
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    id = m.Id, path = opened.Directory, title = m.Title, accountId = m.AccountId,
                    openedAt = CaseTime.Format(m.OpenedAt), journalHead = opened.Journal.Head,
                }));
            else
                ctx.Out.WriteLine(Terminal.Plain(Messages.Get("CaseOpened", m.Id, opened.Directory)));
            return Task.FromResult(ExitCode.Success);
        }));
        return command;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
