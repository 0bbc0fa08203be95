using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Shodo.Trail.Records;

namespace Shodo.Trail.Archives;

/// <summary>
/// Reads every trail log file of an archive (a directory or an S3 prefix), several files at once
/// (<see cref="TrailArchiveOptions.FilesInFlight"/>), each streamed record by record. A file that cannot
/// be read is reported to the problem sink and named in <see cref="Coverage"/>; the others go on.
/// With <see cref="TrailArchiveOptions.Seen"/>, each file's uncompressed content is hashed (SHA-256) while it is
/// parsed — the rest of a file the parser stopped in is read on to finish the hash — and the digest files listed
/// are noted, for the digest check. One reader per read.
/// </summary>
public sealed class TrailArchiveReader(ITrailLogStore store, ITrailProblemSink problems, TrailArchiveOptions? options = null)
{
    private readonly TrailArchiveOptions _options = options ?? new TrailArchiveOptions();

    /// <summary>Set when a read has finished.</summary>
    public TrailArchiveCoverage? Coverage { get; private set; }

    /// <summary>
    /// The lowest level: <paramref name="visitorFor"/> gives, per file, a visitor called on that file's
    /// worker for each raw record (valid only during the call). Time windows are the visitor's to apply
    /// to records; files delivered before <see cref="TrailArchiveOptions.Since"/> are not read.
    /// </summary>
    public async Task<TrailArchiveCoverage> VisitAsync(Func<TrailLogFile, TrailRecordVisitor> visitorFor,
        IProgress<TrailArchiveProgress>? progress = null, CancellationToken ct = default)
    {
        var unreadable = new ConcurrentBag<string>();
        var seen = _options.Seen;
        int logs = 0, digests = 0, others = 0, outside = 0, listed = 0, done = 0;
        long records = 0, bytes = 0;

        async IAsyncEnumerable<TrailLogFile> Logs([EnumeratorCancellation] CancellationToken token)
        {
            await foreach (var file in store.ListAsync(token))
            {
                if (file.NotFollowed is { } why)
                {
                    problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.LinkNotFollowed, why));
                    unreadable.Add(file.Name);
                    seen?.NotRead(file);
                    continue;
                }
                if (file.IsDigest)
                {
                    digests++;
                    seen?.Digest(store, file);
                    continue;
                }
                if (!TrailLogFile.LooksLikeLog(file.Key)) { others++; continue; }
                if (!TrailLogFileTime.MayHold(file.Key, _options.Since))
                {
                    outside++;
                    seen?.NotRead(file);
                    continue;
                }
                listed++;
                yield return file;
            }
            seen?.ListedWhole(store);
        }

        await Parallel.ForEachAsync(Logs(ct), new ParallelOptions { MaxDegreeOfParallelism = _options.FilesInFlight, CancellationToken = ct },
            async (file, token) =>
            {
                var result = await ReadFileAsync(file, visitorFor(file), token);
                if (!result.Readable) unreadable.Add(file.Name);
                Interlocked.Increment(ref logs);
                Interlocked.Add(ref records, result.Records);
                Interlocked.Add(ref bytes, result.Bytes);
                var finished = Interlocked.Increment(ref done);
                progress?.Report(new TrailArchiveProgress(finished, Volatile.Read(ref listed), Interlocked.Read(ref records), Interlocked.Read(ref bytes)));
            });

        Coverage = new TrailArchiveCoverage(store.Location, logs, records, bytes,
            unreadable.Order(StringComparer.Ordinal).ToList(), digests, others, outside);
        return Coverage;
    }

    /// <summary>Every record of the archive as a <see cref="TrailRecord"/> within the time window, files interleaved.</summary>
    public async IAsyncEnumerable<TrailRecord> ReadAsync(IProgress<TrailArchiveProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<TrailRecord>(new BoundedChannelOptions(_options.RecordsBuffered)
            { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producing = Task.Run(async () =>
        {
            try
            {
                await VisitAsync(file => (element, index) =>
                {
                    var parsed = TrailRecordParser.Parse(element, file.Name, index);
                    foreach (var problem in parsed.AllProblems) problems.Report(problem);
                    if (parsed.Record is not { } record || !InWindow(record.EventTime)) return;
                    while (!channel.Writer.TryWrite(record))
                        if (!channel.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult()) return;
                }, progress, stop.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var record in channel.Reader.ReadAllAsync(ct)) yield return record;
        }
        finally
        {
            await stop.CancelAsync();
            try { await producing; } catch (OperationCanceledException) { }
        }
        await channel.Reader.Completion;
    }

    /// <summary>The rest of a file the splitter stopped in, for its hash; false when it cannot be read to its end.</summary>
    private bool ReadToEnd(Sha256ReadStream json, CancellationToken ct)
    {
        try { return json.ReadToEnd(_options.Limits.MaxFileBytes, ct); }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException) { return false; }
    }

    /// <summary>What System.Text.Json throws on text it cannot hold (invalid UTF-8, lone surrogates, depth).</summary>
    private static bool IsContent(Exception e) =>
        e is JsonException or System.Text.DecoderFallbackException or FormatException
        || (e is InvalidOperationException and not System.Threading.Channels.ChannelClosedException)
        || (e is ArgumentException and not ArgumentNullException);

    public bool InWindow(DateTimeOffset time) =>
        (_options.Since is not { } since || time >= since) && (_options.Until is not { } until || time < until);

    private async Task<TrailLogFileResult> ReadFileAsync(TrailLogFile file, TrailRecordVisitor visit, CancellationToken ct)
    {
        Stream stored;
        try
        {
            stored = await store.OpenAsync(file, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var kind = e is Aws.Errors.AwsServiceError { IsRetryable: true } ? TrailProblemKinds.Unavailable : TrailProblemKinds.Unreadable;
            problems.Report(new TrailProblem(file.Name, null, kind, $"could not be opened ({e.Message})"));
            _options.Seen?.NotRead(file);
            return new TrailLogFileResult(file.Name, 0, 0, Readable: false);
        }
        await using (stored)
        {
            var hashed = false;
            try
            {
                using var decoded = TrailLogDecoding.Decode(stored);
                if (_options.Seen is not { } seen) return TrailLogSplitter.Read(decoded, file.Name, visit, problems, _options.Limits, ct);
                using var json = new Sha256ReadStream(decoded);
                var result = TrailLogSplitter.Read(json, file.Name, visit, problems, _options.Limits, ct);
                if (ReadToEnd(json, ct))
                {
                    seen.Read(store, file, json.Hash());
                    hashed = true;
                }
                return result;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.Unreadable, $"could not be read ({e.Message})"));
                return new TrailLogFileResult(file.Name, 0, 0, Readable: false);
            }
            catch (Exception e) when (IsContent(e))
            {
                // Whatever a file holds, it costs that file, never the read: the file is named and the others go on.
                problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.Unreadable, $"could not be read as text ({e.Message})"));
                return new TrailLogFileResult(file.Name, 0, 0, Readable: false);
            }
            finally
            {
                if (!hashed) _options.Seen?.NotRead(file);
            }
        }
    }
}
