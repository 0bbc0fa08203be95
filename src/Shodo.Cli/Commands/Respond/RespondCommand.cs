using System.CommandLine;
using System.Text.Json.Nodes;
using Shodo.Diagnostics;
using Shodo.Response;
using Shodo.Response.Steps;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// <c>shodo respond</c>: the whole first response in one command — open the case, escalate, collect,
/// investigate, plan, apply what is within authority, verify, report. <c>--resume CASE</c> continues
/// a response from its journal.
/// </summary>
public sealed class RespondCommand : IShodoCommand
{
    private readonly Option<string?> _key = new Option<string?>("--access-key-id")
    {
        Description = "The leaked access key id (AKIA... or ASIA...), from AWS's notice or the leaked commit. A key that is another " +
                      "account's, or has no trace in this one, is refused before any case is opened (exit code 11).",
    }.Validated();
    private readonly Option<string?> _user = new("--user-name") { Description = "Start from an IAM user instead of a key." };
    private readonly Option<string?> _config = new("--config") { Description = "Configuration file (escalation chain, authority policy). Default: ./shodo.yaml, then ~/.config/shodo/shodo.yaml." };
    private readonly Option<bool> _yes = new("--yes") { Description = "Apply the actions within the responder's authority without asking." };
    private readonly Option<string?> _resume = new("--resume") { Description = "Continue the response recorded in this case (add --access-key-id or --user-name to confirm a candidate)." };
    private readonly Option<string?> _since = new("--since")
    { Description = "Start of the window to examine: ISO 8601 time, or an age such as 24h or 7d. Without a key or user, default 24h." };

    /// <summary>CloudTrail delivers events up to about 15 minutes after the call (LookupEvents): watch that long by default.</summary>
    public static readonly TimeSpan DefaultWatch = TimeSpan.FromMinutes(15);

    private readonly Option<string?> _watch = new Option<string?>("--watch")
    {
        Description = "After containing, keep reading events for this long and contain what appears late (e.g. 15m, 0 for no watch). Default 15m.",
    }.Duration(TimeSpan.FromHours(24));

    private readonly Option<bool> _noHandOff = new("--no-escalation-hand-off")
    {
        Description = "When nobody has acknowledged by the end, stop escalating with respond instead of going on in a detached 'shodo escalate'.",
    };

    private readonly MemberAccountsArguments _members = new();

    public Command Build(ShodoApp app)
    {
        var command = new Command("respond",
            "The first response in one command: open a case, escalate, record the account, investigate, plan " +
            "containment, apply what is within authority (never deleting), verify and write the report. With no key or " +
            "user, it records the account, looks for the signs of compromise and presents candidates, containing nothing.\n\nExamples:\n" +
            "  shodo respond --access-key-id AKIAIOSFODNN7EXAMPLE --profile incident-response --yes\n" +
            "  shodo respond --profile incident-response            (something is wrong: find the candidates)\n" +
            "  shodo respond --resume CASE --access-key-id AKIA...  (confirm a candidate and go on)");
        foreach (var o in new Option[] { _key, _user, _since, _config, _yes, _resume, _watch, _noHandOff }) command.Options.Add(o);
        foreach (var o in _members.Options) command.Options.Add(o);
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var configuration = ConfigurationFile.Load(ctx, parse.GetValue(_config), escalates: true);
            var request = new ResponseRequest
            {
                AccessKeyId = parse.GetValue(_key), UserName = parse.GetValue(_user),
                Since = TimeArgument.Parse(parse.GetValue(_since), ctx.Time.GetUtcNow()),
                ApplyWithinAuthority = parse.GetValue(_yes), Language = ctx.Settings.Lang ?? "en",
                Watch = parse.Value(_watch, DefaultWatch), Members = _members.Read(parse),
            };
            var view = ResponseLiveView.For(ctx);
            var result = await view.RunAsync(() => ResponseFlow.RunAsync(ctx, WhoamiCommand.ConnectionOptions(ctx), request, configuration,
                parse.GetValue(_resume), view, ct, confirm: ctx.Environment.IsInteractive && !Console.IsInputRedirected
                    ? (plan, _) => view.SuspendAsync(() => Confirm(ctx, plan))
                    : null, handEscalationOff: !parse.GetValue(_noHandOff)));
            if (result.EscalationHandedOff)
                ctx.Environment.Error.WriteLine(Output.Terminal.Plain(EscalationHandOff.Start(result.CaseDirectory, result.CaseId, configuration.Path)));
            var candidates = result.Outcome.Steps.Any(s => s.Step == TriageStep.StepName) ? CandidatesView.Read(result.CaseDirectory) : null;
            if (ctx.Json)
                ctx.Out.WriteLine(new JsonObject
                {
                    ["case"] = result.CaseId, ["path"] = result.CaseDirectory, ["outcome"] = result.Outcome.Worst.ToString().ToLowerInvariant(),
                    ["acknowledged"] = result.Acknowledged,
                    ["steps"] = new JsonArray(result.Outcome.Steps.Select(s => (JsonNode)new JsonObject
                    {
                        ["step"] = s.Step, ["outcome"] = s.Result.Outcome.ToString().ToLowerInvariant(), ["detail"] = s.Result.Detail,
                    }).ToArray()),
                    ["candidates"] = candidates is null ? null : CandidatesView.Summary(candidates),
                }.ToJsonString());
            else if (candidates is not null)
                CandidatesView.Show(ctx.Console, candidates);
            return ExitCodeOf(result.Outcome.Worst);
        }));
        return command;
    }

    /// <summary>The typed confirmation: the person types the account id shown to apply the actions within their authority.</summary>
    private static bool Confirm(CommandContext ctx, Shodo.Containment.Plan.ContainmentPlan plan)
    {
        ctx.Environment.Error.WriteLine(Output.Terminal.Plain(Shodo.Localization.Messages.Get("ContainConfirmPrompt", plan.AccountId,
            plan.AccountAlias ?? "-", plan.Actions.Count - plan.AlreadyDone.Count)));
        return Console.In.ReadLine()?.Trim() == plan.AccountId;
    }

    internal static ExitCode ExitCodeOf(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Done => ExitCode.Success,
        StepOutcome.Incomplete or StepOutcome.Stopped => ExitCode.Incomplete,
        _ => ExitCode.Failure,
    };
}
