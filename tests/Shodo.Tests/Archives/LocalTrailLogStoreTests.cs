using Shodo.Tests.Cases;
using Shodo.Trail;
using Shodo.Trail.Archives;

namespace Shodo.Tests.Archives;

/// <summary>
/// A folder of trail logs with symbolic links in it: a link back up (<c>ln -s .. logs/up</c>) must not
/// take the reader out of the folder or round it forever, a loop inside it (<c>ln -s ../d d/self</c>) must
/// not read a file twice, and a link out of the folder is read only when asked.
/// </summary>
public sealed class LocalTrailLogStoreTests
{
    private static readonly byte[] Log = """{"Records":[]}"""u8.ToArray();

    /// <summary>Every entry the store lists, stopping at <paramref name="cap"/> or after 20 s so a loop fails the test instead of hanging it.</summary>
    private static async Task<List<TrailLogFile>> List(ITrailLogStore store, int cap = 500)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var all = new List<TrailLogFile>();
        await foreach (var file in store.ListAsync(timeout.Token))
        {
            all.Add(file);
            if (all.Count >= cap) break;
        }
        return all;
    }

    [Fact]
    public async Task A_link_to_the_parent_folder_is_not_followed_out_of_the_folder_and_is_named()
    {
        using var dir = new TempFolder();
        var logs = Path.Combine(dir.Path, "logs");
        ArchiveSamples.Write(logs, "a.json", Log);
        ArchiveSamples.Write(dir.Path, "beside.json", Log);
        File.CreateSymbolicLink(Path.Combine(logs, "up"), "..");

        var files = await List(new LocalTrailLogStore(logs));

        Assert.Equal(["a.json", "up"], files.Select(f => f.Key));
        Assert.Null(files[0].NotFollowed);
        Assert.Contains("outside", files[1].NotFollowed);
        Assert.Contains(dir.Path, files[1].NotFollowed);
    }

    [Fact]
    public async Task A_link_loop_inside_the_folder_lists_each_file_once()
    {
        using var dir = new TempFolder();
        ArchiveSamples.Write(dir.Path, "d/a.json", Log);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "d", "self"), "../d");

        var files = await List(new LocalTrailLogStore(dir.Path));

        var file = Assert.Single(files);
        Assert.Equal("d/a.json", file.Key);
        Assert.Null(file.NotFollowed);
    }

    [Fact]
    public async Task A_link_out_of_the_folder_is_read_when_asked_each_file_once_and_named_when_not()
    {
        using var dir = new TempFolder();
        var logs = Path.Combine(dir.Path, "logs");
        ArchiveSamples.Write(logs, "a.json", Log);
        ArchiveSamples.Write(dir.Path, "archive/2025/b.json", Log);
        ArchiveSamples.Write(dir.Path, "elsewhere/c.json", Log);
        File.CreateSymbolicLink(Path.Combine(logs, "2025"), "../archive/2025");
        File.CreateSymbolicLink(Path.Combine(logs, "2025-again"), "../archive/2025");
        File.CreateSymbolicLink(Path.Combine(logs, "c.json"), "../elsewhere/c.json");

        var followed = await List(new LocalTrailLogStore(logs, new LocalTrailLogOptions { FollowLinksOutside = true }));
        var kept = await List(new LocalTrailLogStore(logs));

        Assert.Equal(["2025/b.json", "a.json", "c.json"], followed.Select(f => f.Key));
        Assert.All(followed, f => Assert.Null(f.NotFollowed));
        Assert.Equal(Path.Combine(logs, "2025", "b.json"), followed[0].Name);
        Assert.Equal(["2025", "2025-again", "a.json", "c.json"], kept.Select(f => f.Key));
        Assert.Equal([true, true, false, true], kept.Select(f => f.NotFollowed is not null));
    }

    [Fact]
    public async Task The_archive_reader_names_a_link_it_did_not_follow_as_not_read_and_reads_the_rest()
    {
        using var dir = new TempFolder();
        var logs = Path.Combine(dir.Path, "logs");
        ArchiveSamples.Write(logs, "stop.json", ArchiveSamples.Envelope(ArchiveSamples.Records("aws.defense-evasion.cloudtrail-stop.json")));
        File.CreateSymbolicLink(Path.Combine(logs, "up"), "..");
        var problems = new TrailProblemList();
        var reader = new TrailArchiveReader(new LocalTrailLogStore(logs), problems);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var coverage = await reader.VisitAsync(_ => (_, _) => { }, ct: timeout.Token);

        Assert.Equal(1, coverage.LogFiles);
        Assert.Equal([Path.Combine(logs, "up")], coverage.UnreadableFiles);
        var problem = Assert.Single(problems.Snapshot());
        Assert.Equal((TrailProblemKinds.LinkNotFollowed, Path.Combine(logs, "up")), (problem.Kind, problem.File));
    }
}
