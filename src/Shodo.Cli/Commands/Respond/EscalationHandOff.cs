using System.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// Keeps escalating after <c>respond</c> ends when nobody has acknowledged: starts <c>shodo escalate CASE</c> as a
/// detached process (the same Shodo, the same configuration and environment), its output in a log beside the case
/// folder, so the reminders and the next levels go on until someone runs <c>shodo ack</c>.
/// </summary>
internal static class EscalationHandOff
{
    /// <summary>Starts the detached escalation; returns the sentence to show (with its process id, or why it could not start).</summary>
    public static string Start(string caseDirectory, string caseId, string? configPath)
    {
        var log = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(caseDirectory))!, caseId + ".escalate.log");
        try
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            // exec "$@" with its output in the log and no terminal: nothing ties it to this process or its pipes.
            foreach (var a in new[] { "-c", "exec \"$@\" >>\"$LOG\" 2>&1 </dev/null &", "shodo-escalate" }) start.ArgumentList.Add(a);
            foreach (var a in Shodo()) start.ArgumentList.Add(a);
            foreach (var a in new[] { "escalate", Path.GetFullPath(caseDirectory), "--no-color" }) start.ArgumentList.Add(a);
            if (configPath is not null) { start.ArgumentList.Add("--config"); start.ArgumentList.Add(Path.GetFullPath(configPath)); }
            start.Environment["LOG"] = log;
            using var shell = Process.Start(start)!;
            shell.WaitForExit(5000);
            return Messages.Get("RespondEscalationHandOffStarted", "shodo escalate", log);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return Messages.Get("RespondEscalationHandOffFailed", caseId, e.Message);
        }
    }

    /// <summary>How to run this same Shodo again: its executable, or the .NET host with its assembly.</summary>
    private static IEnumerable<string> Shodo()
    {
        var assembly = typeof(EscalationHandOff).Assembly.Location;
        var host = Environment.ProcessPath;
        if (string.IsNullOrEmpty(assembly)) return [host!]; // a single-file build is its own executable
        var dotnet = host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        return [dotnet, assembly];
    }
}
