using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

/// <summary>
/// <c>shodo case verify</c> takes no lock, so it runs while <c>collect</c> or <c>respond</c> writes the
/// case. It must read a consistent view in one reading — never report tampering because a writer was
/// between two of its writes (blob, journal entry, index line; temporary file, entry, rename).
/// </summary>
public class VerifyWhileWritingTests
{
    [Fact]
    public async Task Verify_during_a_busy_writer_never_reports_tampering()
    {
        using var root = new TempFolder();
        using var c = Case.Open(root.Path);
        using var stop = new CancellationTokenSource();
        var stored = 0;
        var writer = Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                i = Interlocked.Increment(ref stored);
                await c.Evidence.StoreAsync(Samples.Utf8($"{{\"Instances\":[{{\"Id\":\"i-{i % 40}\"}}]}}"),
                    new EvidenceDescriptor("ec2", "DescribeInstances", "us-east-1") { Page = i });
                if (i % 7 == 0) await c.Journal.AppendAsync("collect.gap", new JsonObject { ["n"] = i });
                if (i % 25 == 0) await c.Documents.WriteJsonAsync("coverage-notes.json", new JsonObject { ["n"] = i }, "test");
            }
        });
        var verified = 0;
        var whileWritten = 0;
        try
        {
            while (Volatile.Read(ref stored) < 20) await Task.Delay(5);
            var from = Volatile.Read(ref stored);
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while ((verified < 40 || Volatile.Read(ref stored) < from + 200 || whileWritten < 20) && DateTime.UtcNow < deadline)
            {
                var result = CaseVerifier.Verify(c.Directory, new CaseVerifyOptions { Attempts = 1 });
                Assert.True(result.Intact, $"verification {verified + 1}: {string.Join("; ", result.Findings)}");
                verified++;
                if (result.BeingWritten) whileWritten++;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
        Assert.True(whileWritten >= 20, $"only {whileWritten} of {verified} verifications overlapped a write");
        Assert.True(CaseVerifier.Verify(c.Directory).Intact);
    }
}
