namespace Shodo.Cli;

/// <summary>
/// What the process gives the command: output streams, environment variables, clock and a
/// cancellation token. Tests build one with their own writers so they can run the command in
/// process and read exactly what a user would see.
/// </summary>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string?> Variables,
    TimeProvider Time,
    bool IsInteractive)
{
    public static CliEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            variables[(string)e.Key] = e.Value as string;
        return new CliEnvironment(
            Console.Out, Console.Error, variables, TimeProvider.System,
            IsInteractive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
    }

    public string? Variable(string name) => Variables.TryGetValue(name, out var v) ? v : null;
}
