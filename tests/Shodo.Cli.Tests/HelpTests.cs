using System.CommandLine;

namespace Shodo.Cli.Tests;

/// <summary>Every command a user can run explains itself with an example, and --help works for each.</summary>
public class HelpTests
{
    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path)
    {
        if (command.Subcommands.Count == 0) yield return (path, command);
        foreach (var sub in command.Subcommands)
            foreach (var leaf in Leaves(sub, $"{path} {sub.Name}".Trim()))
                yield return leaf;
    }

    public static TheoryData<string> Commands()
    {
        var app = new ShodoApp(new CliEnvironment(TextWriter.Null, TextWriter.Null,
            new Dictionary<string, string?>(), TimeProvider.System, IsInteractive: false));
        var data = new TheoryData<string>();
        foreach (var (path, _) in Leaves(app.Root, "")) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_an_example(string path)
    {
        var run = await CliRun.Invoke([.. path.Split(' '), "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example", run.Out);
        Assert.Contains("shodo " + path.Split(' ')[0], run.Out);
    }
}
