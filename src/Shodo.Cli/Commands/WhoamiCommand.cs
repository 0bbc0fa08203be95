using System.CommandLine;
using System.Text.Json;
using Shodo.Aws.Connection;
using Shodo.Cli.Output;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo whoami</c>: which account and identity the current credentials are (STS
/// GetCallerIdentity) — the first check before responding, to be sure you act on the right account.
/// </summary>
public sealed class WhoamiCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var command = new Command("whoami",
            "Show the AWS account and identity Shodo will act as (STS GetCallerIdentity).\n\nExample:\n" +
            "  shodo whoami --profile incident-response --output json");
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            using var aws = await AwsConnection.OpenAsync(ConnectionOptions(ctx), ct);
            var me = await aws.WhoAmIAsync(ct);
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    account = me.Account, arn = me.Arn, userId = me.UserId, region = aws.Region,
                    endpoint = aws.EndpointUrl?.ToString(), credentials = aws.CredentialDescription,
                }));
            else
            {
                ctx.Out.WriteLine($"account  {Terminal.Plain(me.Account)}");
                ctx.Out.WriteLine($"arn      {Terminal.Plain(me.Arn)}");
                ctx.Out.WriteLine($"user id  {Terminal.Plain(me.UserId)}");
                ctx.Out.WriteLine($"region   {aws.Region}");
            }
            return Shodo.Diagnostics.ExitCode.Success;
        }));
        return command;
    }

    /// <summary>The connection options for this invocation: global options first, then the environment.</summary>
    public static AwsConnectionOptions ConnectionOptions(CommandContext ctx) => AwsConnectionOptions.FromEnvironment(
        ctx.Settings.Profile, ctx.Settings.Region, ctx.Settings.EndpointUrl, ctx.Settings.RoleArn,
        ctx.Environment.Variables, ctx.Time) with { Assume = RoleOptions.Read(ctx.Settings, ctx.Environment) };
}
