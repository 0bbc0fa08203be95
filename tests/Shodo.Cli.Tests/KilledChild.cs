using System.Diagnostics;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Range;

namespace Shodo.Cli.Tests;

/// <summary>
/// The built <c>shodo</c> as a child process (<c>dotnet Shodo.Cli.dll</c>) that can be SIGKILLed at a
/// chosen point of a case's journal — what a crash, an OOM kill or a pulled plug does — and what the
/// crash tests check afterwards.
/// </summary>
internal static class KilledChild
{
    public sealed record Run(int ExitCode, bool Killed, string Output, string Error);

    /// <summary>
    /// Runs shodo with <paramref name="args"/>; with <paramref name="killAtLine"/>, SIGKILLs it once the
    /// journal <paramref name="journal"/> finds (null while there is none yet) has that many lines.
    /// </summary>
    public static async Task<Run> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment,
        Func<string?> journal, int? killAtLine)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliProcess.Dll());
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var killed = false;
        if (killAtLine is { } line)
            while (!process.HasExited)
            {
                if (journal() is { } path && JournalLines(path) >= line)
                {
                    try { process.Kill(entireProcessTree: true); killed = true; } catch (InvalidOperationException) { }
                    break;
                }
                await Task.Delay(2);
            }
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, killed, await output, await error);
    }

    /// <summary>The newline-terminated lines of a journal (a case folder or the file), read while a writer may hold it.</summary>
    public static int JournalLines(string path)
    {
        if (Directory.Exists(path)) path = Path.Combine(path, CaseFileNames.Journal);
        if (!File.Exists(path)) return 0;
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[65536];
        var lines = 0;
        int n;
        while ((n = s.Read(buffer)) > 0) lines += buffer.AsSpan(0, n).Count((byte)'\n');
        return lines;
    }

    /// <summary>A copy of a case folder (without its lock) at <paramref name="target"/>.</summary>
    public static string CopyCase(string template, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(template, file);
            if (relative == CaseFileNames.Lock) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
        return target;
    }

    /// <summary>Every planned action has its before-state journaled before any change, and a final outcome.</summary>
    public static void AssertEveryActionRecorded(string folder)
    {
        var entries = File.ReadAllLines(Path.Combine(folder, CaseFileNames.Journal)).Select(l => JsonNode.Parse(l)!).ToList();
        var plan = JsonNode.Parse(File.ReadAllBytes(Path.Combine(folder, "plan.json")))!;
        foreach (var action in plan["actions"]!.AsArray().Select(a => (string)a!["id"]!))
        {
            var mine = entries.Where(e => (string?)e["data"]?["actionId"] == action).ToList();
            var firstBefore = mine.FindIndex(e => (string?)e["kind"] == ContainmentJournalKinds.Before);
            Assert.True(firstBefore >= 0, $"{action}: no before-state");
            var firstChange = mine.FindIndex(e => (string?)e["kind"] == ContainmentJournalKinds.Changed);
            Assert.True(firstChange == -1 || firstChange > firstBefore, $"{action}: a change was journaled before its before-state");
            Assert.Contains(mine, e => (string?)e["kind"] == ContainmentJournalKinds.Outcome && Outcomes.IsFinal((string)e["data"]!["outcome"]!));
        }
    }

    /// <summary>The changes the responder's key made successfully more than once since call <paramref name="from"/>.</summary>
    public static List<string> ChangesMadeTwice(RangeHost range, int from, string responderKey)
    {
        lock (range.State.Sync)
            return range.State.Calls.Skip(from)
                .Where(c => c.Caller?.AccessKeyId == responderKey && c.ErrorCode is null && !c.ReadOnly)
                .Select(c =>
                {
                    var p = c.RequestParameters?.DeepClone().AsObject() ?? new JsonObject();
                    p.Remove("policyDocument");
                    return $"{c.EventName} {p.ToJsonString()}";
                })
                .GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"{g.Count()}x {g.Key}").ToList();
    }

    /// <summary>The calls since <paramref name="from"/> that the responder's key made and that change something.</summary>
    public static List<string> Changes(RangeHost range, int from, string responderKey)
    {
        lock (range.State.Sync)
            return range.State.Calls.Skip(from).Where(c => c.Caller?.AccessKeyId == responderKey && c.ErrorCode is null && !c.ReadOnly)
                .Select(c => c.EventName).ToList();
    }

    /// <summary>The case verifies; what the crash left is at most notes, each a state Shodo's own write order leaves.</summary>
    public static CaseVerification AssertVerifies(string folder, string when)
    {
        var result = CaseVerifier.Verify(folder);
        Assert.True(result.Intact, $"{when}: {string.Join("; ", result.Findings.Select(f => $"{f.Path}:{f.Line} {f.Problem}"))}");
        return result;
    }
}
