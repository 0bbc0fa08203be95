using Shodo.Cases;
using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Cli.Output;
using Shodo.Investigation.Triage;
using Shodo.Localization;
using Spectre.Console;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// Shows the candidates triage wrote (candidates.json): a table for a person, or the same facts in the
/// JSON summary. Every string in it came from the account's events and is made plain before it is shown.
/// </summary>
internal static class CandidatesView
{
    public static IReadOnlyList<CandidateEntry>? Read(string caseDirectory) => CandidatesFile.ReadCandidates(CaseFolder.At(caseDirectory));

    public static JsonArray Summary(IReadOnlyList<CandidateEntry> candidates) => new(candidates.Select(c => (JsonNode)new JsonObject
    {
        ["kind"] = c.Kind, ["id"] = c.Id, ["userName"] = c.UserName,
        ["strength"] = c.Strength, ["likelyOrigin"] = c.LikelyOrigin, ["confirm"] = c.Confirm,
        ["signs"] = new JsonArray(Signs(c).Select(s => (JsonNode)s).ToArray()),
    }).ToArray());

    public static void Show(IAnsiConsole console, IReadOnlyList<CandidateEntry> candidates)
    {
        if (candidates.Count == 0) return;
        var table = new Table().Title(Markup.Escape(Messages.Get("RespondCandidatesTitle")))
            .AddColumn(Markup.Escape(Messages.Get("RespondCandidateColumn")))
            .AddColumn(Markup.Escape(Messages.Get("RespondSignsColumn")))
            .AddColumn(Markup.Escape(Messages.Get("RespondConfirmColumn")));
        var language = LocalText.LanguageOf(CultureInfo.CurrentUICulture);
        foreach (var c in candidates)
        {
            var who = $"{Plain(c.Kind)} {Plain(c.Id)}" + (c.UserName is { } u && u != c.Id ? $" ({Terminal.Plain(u)})" : "");
            var label = Markup.Escape(who) + $"\n[bold]{Markup.Escape(Plain(c.Strength))}[/]"
                        + (c.LikelyOrigin ? $" · [red]{Markup.Escape(Messages.Get("RespondLikelyOrigin"))}[/]" : "")
                        + string.Concat((c.CreatedBy ?? []).Select(b => "\n" + Markup.Escape(Messages.Get("RespondCreatedBy", Plain(b)))));
            var signs = string.Join("\n", (c.Signs ?? [])
                .Select(s => $"[yellow]{Markup.Escape(Plain(s.Kind))}[/] {Markup.Escape(Plain(s.Summaries?.GetValueOrDefault(language) ?? s.Summary))}"));
            table.AddRow(new Markup(label), new Markup(signs), new Text(Plain(c.Confirm) is { Length: > 0 } cmd ? cmd : "-"));
        }
        console.Write(table);
    }

    private static IEnumerable<string> Signs(CandidateEntry candidate) =>
        (candidate.Signs ?? []).Select(s => s.Kind).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string Plain(string? text) => Terminal.Plain(text ?? "");
}
