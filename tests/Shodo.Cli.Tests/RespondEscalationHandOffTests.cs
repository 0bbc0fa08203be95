using System.Diagnostics;
using Shodo.Cases;
using Shodo.Drill;

namespace Shodo.Cli.Tests;

/// <summary>
/// The first rule of escalation is to keep calling until someone answers. When nobody has acknowledged by the time
/// respond ends, the escalation goes on in a detached <c>shodo escalate</c> (journaled, said), and stops when
/// someone runs <c>shodo ack</c>.
/// </summary>
public sealed class RespondEscalationHandOffTests : IAsyncLifetime
{
    private ResponderRange _responder = null!;

    public async Task InitializeAsync() => _responder = await ResponderRange.StartAsync(adversary: false, latency: Shodo.Range.RangeLatency.None);

    public async Task DisposeAsync() => await _responder.DisposeAsync();

    [Fact]
    public async Task Unacknowledged_escalation_goes_on_after_respond_until_someone_acknowledges()
    {
        var config = Path.Combine(Path.GetDirectoryName(_responder.CredentialsFile)!, "escalating.yaml");
        await File.WriteAllTextAsync(config, DrillEscalation.Authority + """

            escalation:
              levels:
                - name: on-call
                  repeat: 1m
                  targets:
                    - name: Alice
                      channels:
                        - kind: webhook
                          url_env: HOOK_URL
            """);
        var options = _responder.Options.ToList();
        options[options.IndexOf("--config") + 1] = config;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CliProcess.Dll(), "respond", "--watch", "0", "--access-key-id", _responder.Range.GroundTruth!.LeakedAccessKeyId!, "--yes" }
                     .Concat(options))
            start.ArgumentList.Add(a);
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = _responder.CredentialsFile;
        start.Environment["HOOK_URL"] = "http://127.0.0.1:9/hook"; // nobody answers there
        start.Environment["NO_COLOR"] = "1";
        using var respond = Process.Start(start)!;
        var error = respond.StandardError.ReadToEndAsync();
        _ = respond.StandardOutput.ReadToEndAsync();
        await respond.WaitForExitAsync();

        Assert.Contains("goes on in the background", await error);
        var caseDir = Directory.GetDirectories(_responder.Cases).Single();
        var handedOff = JournalReader.Read(CaseFolder.At(caseDir)).ToList().FindIndex(e => e.Kind == "escalation.handed-off");
        Assert.True(handedOff >= 0, "the hand-off is journaled");

        // The detached escalation takes the case up again...
        await WaitAsync(() => JournalReader.Read(CaseFolder.At(caseDir)).Skip(handedOff + 1).Any(e => e.Kind == "escalation.started"), "escalate started");
        // ...and stops when someone acknowledges.
        var ack = await CliRun.Invoke("ack", caseDir, "--by", "Hanako Sato", "--lang", "en");
        Assert.Equal(0, ack.ExitCode);
        var log = Path.Combine(_responder.Cases, Path.GetFileName(caseDir) + ".escalate.log");
        await WaitAsync(() => File.Exists(log) && File.ReadAllText(log).Contains("Acknowledged by Hanako Sato", StringComparison.Ordinal),
            "escalate ended on the acknowledgement");
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        for (var waited = 0; waited < 180; waited++)
        {
            if (done()) return;
            await Task.Delay(1000);
        }
        Assert.Fail($"waited 3 minutes: {what}");
    }
}
