using System.Diagnostics;
using Shodo.Cases;
using Shodo.Diagnostics;

namespace Shodo.Tests.Cases;

public class CaseLockTests
{
    [Fact]
    public void A_second_writer_is_refused_with_case_busy_while_the_first_holds_the_case()
    {
        using var root = new TempFolder();
        using var first = Case.Open(root.Path);
        var e = Assert.Throws<ShodoException>(() => Case.Load(first.Directory));
        Assert.Equal(ExitCode.CaseBusy, e.Diagnostic.Code);
        Assert.Contains(first.Directory, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public async Task The_case_can_be_loaded_again_once_the_first_writer_is_done()
    {
        using var root = new TempFolder();
        string dir;
        using (var first = Case.Open(root.Path)) dir = first.Directory;
        using var second = Case.Load(dir);
        await second.Journal.AppendAsync("note");
        Assert.Equal(2, second.Journal.Count);
    }

    [Fact]
    public async Task A_refused_writer_leaves_the_case_untouched()
    {
        using var root = new TempFolder();
        using var first = Case.Open(root.Path);
        var before = File.ReadAllBytes(Path.Combine(first.Directory, "journal.jsonl"));
        Assert.Throws<ShodoException>(() => Case.Load(first.Directory));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(first.Directory, "journal.jsonl")));
        await first.Journal.AppendAsync("still.writing");
        Assert.True(CaseVerifier.Verify(first.Directory).Intact);
    }

    /// <summary>
    /// Cross-process: the lock is an operating-system lock another process sees. util-linux
    /// <c>flock</c> (present on Debian, as on every Linux CI image) holds <c>.lock</c> in a child
    /// process; Shodo must refuse. Then the other way round: while Shodo holds the case, flock cannot
    /// take it.
    /// </summary>
    [Fact]
    public void The_lock_excludes_other_processes()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var root = new TempFolder();
        string dir;
        using (var first = Case.Open(root.Path))
        {
            dir = first.Directory;
            var probe = Process.Start(new ProcessStartInfo("flock", ["-n", "-x", Path.Combine(dir, ".lock"), "true"]))!;
            probe.WaitForExit();
            Assert.Equal(1, probe.ExitCode); // flock -n exits 1 when the lock is held elsewhere
        }

        var ready = Path.Combine(root.Path, "held");
        var holder = Process.Start(new ProcessStartInfo("flock", ["-o", "-x", Path.Combine(dir, ".lock"), "sh", "-c", $"touch '{ready}'; sleep 30"]))!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!File.Exists(ready) && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.True(File.Exists(ready), "flock did not take the lock");
            var e = Assert.Throws<ShodoException>(() => Case.Load(dir));
            Assert.Equal(ExitCode.CaseBusy, e.Diagnostic.Code);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }
        // Once the other process is gone, its lock is gone with it (no stale lock file to clean up).
        using var after = Eventually(() => Case.Load(dir));
        Assert.Equal(1, after.Journal.Count);
    }

    private static T Eventually<T>(Func<T> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try { return attempt(); }
            catch (ShodoException) when (DateTime.UtcNow < deadline) { Thread.Sleep(50); }
        }
    }
}
