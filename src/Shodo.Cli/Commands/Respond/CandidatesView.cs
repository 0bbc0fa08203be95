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
    public static JsonArray? Read(string caseDirectory) => CandidatesFile.ReadCandidates(CaseFolder.At(caseDirectory));

    public static JsonArray Summary(JsonArray candidates) => new(candidates.OfType<JsonObject>().Select(c => (JsonNode)new JsonObject
    {
        ["kind"] = (string?)c["kind"], ["id"] = (string?)c["id"], ["userName"] = (string?)c["userName"],
        ["strength"] = (string?)c["strength"], ["likelyOrigin"] = (bool?)c["likelyOrigin"], ["confirm"] = (string?)c["confirm"],
        ["signs"] = new JsonArray(Signs(c).Select(s => (JsonNode)s).ToArray()),
    }).ToArray());

    public static void Show(IAnsiConsole console, JsonArray candidates)
    {
        if (candidates.Count == 0) return;
        var table = new Table().Title(Markup.Escape(Messages.Get("RespondCandidatesTitle")))
            .AddColumn(Markup.Escape(Messages.Get("RespondCandidateColumn")))
            .AddColumn(Markup.Escape(Messages.Get("RespondSignsColumn")))
            .AddColumn(Markup.Escape(Messages.Get("RespondConfirmColumn")));
        foreach (var c in candidates.OfType<JsonObject>())
        {
            var who = $"{Plain(c["kind"])} {Plain(c["id"])}" + ((string?)c["userName"] is { } u && u != (string?)c["id"] ? $" ({Terminal.Plain(u)})" : "");
            var label = Markup.Escape(who) + $"\n[bold]{Markup.Escape(Plain(c["strength"]))}[/]"
                        + ((bool?)c["likelyOrigin"] == true ? $" · [red]{Markup.Escape(Messages.Get("RespondLikelyOrigin"))}[/]" : "")
                        + string.Concat((c["createdBy"] as JsonArray ?? []).Select(b => "\n" + Markup.Escape(Messages.Get("RespondCreatedBy", Plain(b)))));
            var signs = string.Join("\n", (c["signs"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(s => $"[yellow]{Markup.Escape(Plain(s["kind"]))}[/] {Markup.Escape(Plain(s["summaries"]?[LocalText.LanguageOf(CultureInfo.CurrentUICulture)] ?? s["summary"]))}"));
            table.AddRow(new Markup(label), new Markup(signs), new Text(Plain(c["confirm"]) is { Length: > 0 } cmd ? cmd : "-"));
        }
        console.Write(table);
    }

    private static IEnumerable<string> Signs(JsonObject candidate) =>
        (candidate["signs"] as JsonArray ?? []).OfType<JsonObject>().Select(s => (string?)s["kind"]).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string Plain(JsonNode? node) => Terminal.Plain((string?)node ?? "");
}
