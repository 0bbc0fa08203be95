using Shodo.Cli;

namespace Shodo.Cli.Tests;

/// <summary>Runs the real <c>shodo</c> command in process and captures what a user would see.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Invoke(params string[] args) => await Invoke(new Dictionary<string, string?>(), args);

    public static async Task<CliRun> Invoke(IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr, variables, TimeProvider.System, IsInteractive: false);
        var code = await ShodoApp.RunAsync(args, env);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
