using Shodo.Aws.Connection;
using Shodo.Configuration;
using Shodo.Diagnostics;
using Shodo.Escalation.Loop;
using Shodo.Localization;
using Shodo.Response;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// One response, as <c>shodo respond</c> and <c>shodo drill</c> both run it: the command's arguments and
/// settings made into <see cref="FirstResponseOptions"/>, <see cref="FirstResponse"/> run, and the ways it can
/// stop (Ctrl+C, AWS given up on) said as the one command that goes on, with their exit codes.
/// </summary>
internal static class ResponseFlow
{
    public static async Task<FirstResponseResult> RunAsync(CommandContext ctx, AwsConnectionOptions connection, ResponseRequest request,
        ShodoConfiguration configuration, string? resume, IResponseProgress progress, CancellationToken ct,
        Action<EscalationLoop>? escalationStarted = null,
        Func<Shodo.Containment.Plan.ContainmentPlan, CancellationToken, Task<bool>>? confirm = null,
        TimeSpan? acknowledgementGrace = null, bool handEscalationOff = false)
    {
        var options = new FirstResponseOptions
        {
            Connection = connection, Request = request, Configuration = configuration,
            CasesDirectory = ctx.Settings.CaseDir, CaseOptions = ctx.CaseOptions,
            ResumeCaseDirectory = resume is null ? null : CaseCommands.CaseFolderPath.Resolve(resume, ctx.Settings),
            EnvironmentVariable = name => ctx.Environment.Variable(name),
            EscalationStarted = escalationStarted, Confirm = confirm,
            AcknowledgementGrace = acknowledgementGrace ?? FirstResponse.DefaultAcknowledgementGrace,
            HandEscalationOff = handEscalationOff,
        };
        return await SayingStopsAsync(() => FirstResponse.RunAsync(options, ctx.Time, progress, ct));
    }

    /// <summary>Runs a response (or a drill around one); a stop at a safe point or a give-up on AWS becomes the one sentence that goes on.</summary>
    public static async Task<T> SayingStopsAsync<T>(Func<Task<T>> response)
    {
        try
        {
            return await response();
        }
        catch (ResponseInterruptedException e) when (e.CaseId is not null)
        {
            throw new ShodoException(new Diagnostic(ExitCode.Interrupted, Messages.Get("RespondInterrupted", e.Step, e.CaseId)));
        }
        catch (ResponseGaveUpException e)
        {
            // The runner journaled the give-up; the person needs the one command that goes on from it.
            throw new ShodoException(new Diagnostic(e.Error.Diagnostic.Code,
                Messages.Get("RespondGaveUp", $"{e.Error.Service}:{e.Error.Operation}", e.Error.Code, e.CaseId), e.Error.Diagnostic.Detail), e.Error);
        }
    }
}
