using System.Diagnostics;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Drill;
using Shodo.Diagnostics;
using Shodo.Range;

namespace Shodo.Cli.Tests;

/// <summary>
/// Ctrl+C during <c>shodo respond</c>: the running step stops at its safe point, the journal says
/// where, the process exits 130 naming the command that resumes, and <c>--resume CASE</c> alone goes
/// on from the recorded starting point to the end.
/// </summary>
public sealed class RespondInterruptTests : IAsyncLifetime
{
    private ResponderRange _responder = null!;
    private RangeHost _range = null!;

    public async Task InitializeAsync()
    {
        _responder = await ResponderRange.StartAsync(adversary: false);
        _range = _responder.Range;
    }

    public async Task DisposeAsync() => await _responder.DisposeAsync();

    [Fact]
    public async Task Ctrl_C_stops_at_a_safe_point_and_resume_alone_finishes_the_response()
    {
        var cases = _responder.Cases;
        var common = _responder.Options;
        var start = CliProcess.InterruptibleStart();
        foreach (var a in new[] { "respond", "--watch", "0", "--access-key-id", _range.GroundTruth!.LeakedAccessKeyId!, "--yes" }.Concat(common))
            start.ArgumentList.Add(a);
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = _responder.CredentialsFile;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        var journal = await WaitForCollectionAsync(cases, process);
        CliProcess.Interrupt(process.Id);
        await process.WaitForExitAsync();

        var caseDir = Path.GetDirectoryName(journal)!;
        var caseId = Path.GetFileName(caseDir);
        Assert.True(process.ExitCode == (int)ExitCode.Interrupted, $"exit {process.ExitCode}: {await output}\n{await error}");
        Assert.Contains($"shodo respond --resume {caseId}", await error);
        var entries = JournalReader.Read(CaseFolder.At(caseDir));
        // Collection runs beside the pursuit: Ctrl+C lands in one of them.
        Assert.Contains((string?)Assert.Single(entries, e => e.Kind == "respond.interrupted").Data["step"], new[] { "pursue", "collect" });
        // Whatever was changed (the first move, what the pursuit attributed) was changed after its before-state was journaled.
        var list = entries.ToList();
        Assert.Contains(list, e => e.Kind == "containment.changed"
                                   && (string?)e.Data["target"] == "iam-user:global:" + _range.GroundTruth.LeakedUserName);
        foreach (var change in list.Where(e => e.Kind == "containment.changed"))
            Assert.Contains(list.Take(list.IndexOf(change)), e => e.Kind == "containment.before" && (string?)e.Data["actionId"] == (string?)change.Data["actionId"]);

        var resumed = await CliRun.Invoke(_responder.Environment, ["respond", "--watch", "0", "--resume", caseId, "--yes", "--output", "json", .. common]);

        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}: {resumed.Out}\n{resumed.Error}");
        Assert.Equal(["first-move", "pursue", "collect", "investigate", "contain", "accounts", "report", "watch"], ResponderRange.Steps(resumed.Out));
        lock (_range.State.Sync)
            Assert.Equal("Inactive", _range.State.Iam.AccessKeys[_range.GroundTruth.LeakedAccessKeyId!].Status);
        Assert.Contains(JournalReader.Read(CaseFolder.At(caseDir)), e => e.Kind == "collect.finished" && (bool?)e.Data["complete"] == true);
    }

    /// <summary>The journal of the case the child opened, once collection is under way (so Ctrl+C lands inside a step).</summary>
    private static async Task<string> WaitForCollectionAsync(string cases, Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            var journal = Directory.Exists(cases) ? Directory.GetFiles(cases, CaseFileNames.Journal, SearchOption.AllDirectories).FirstOrDefault() : null;
            // The trail is read (and stored) from the first move on; the account's recording starts after it.
            if (journal is not null && ReadShared(journal).SkipWhile(l => !l.Contains("\"collect.started\"", StringComparison.Ordinal))
                    .Count(l => l.Contains("\"evidence.stored\"", StringComparison.Ordinal)) >= 3)
                return journal;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException("the child never started collecting");
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(s).ReadToEnd().Split('\n');
    }
}
