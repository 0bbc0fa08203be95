using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Shodo.Cli.Tests;

/// <summary>The built <c>shodo</c> as a child process, for what only a real process shows: SIGKILL, SIGINT.</summary>
internal static class CliProcess
{
    /// <summary>The CLI assembly built beside these tests (Debug or Release, as the tests were built).</summary>
    public static string Dll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(dir!.FullName, "src", "Shodo.Cli", "bin", configuration, "net10.0", "Shodo.Cli.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        return dll;
    }

    /// <summary>
    /// The built <c>shodo</c> as a child that hears SIGINT as a terminal's foreground process does: a test runner started in
    /// the background by a non-interactive shell ignores SIGINT, and a child inherits that (.NET then never sees Ctrl+C), so
    /// the child starts with SIGINT's default disposition (coreutils <c>env --default-signal</c>).
    /// </summary>
    public static ProcessStartInfo InterruptibleStart()
    {
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--default-signal=INT", "dotnet", Dll() }) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>Sends SIGINT, what Ctrl+C in a terminal sends.</summary>
    public static void Interrupt(int pid) => Assert.Equal(0, Kill(pid, 2));

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
