using System.CommandLine;
using System.Text.Json;

namespace Shodo.Cli.Commands;

/// <summary><c>shodo version</c>: the version, in text or JSON (<c>shodo --version</c> prints the same number).</summary>
public sealed class VersionCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var command = new Command("version", "Print Shodo's version.\n\nExample:\n  shodo version --output json");
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx =>
        {
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { version = ShodoApp.Version }));
            else
                ctx.Out.WriteLine(ShodoApp.Version);
            return Task.FromResult(Shodo.Diagnostics.ExitCode.Success);
        }));
        return command;
    }
}
