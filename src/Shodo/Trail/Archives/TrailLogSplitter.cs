using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Shodo.Trail.Records;

namespace Shodo.Trail.Archives;

/// <summary>Called once per record of a log file; the element is only valid during the call.</summary>
public delegate void TrailRecordVisitor(JsonElement record, long index);

/// <summary>
/// Splits one trail log file into its records while reading it: <c>{"Records":[...]}</c> (what
/// CloudTrail delivers), a bare array of records, or JSON Lines / concatenated records. Only the record
/// being read is in memory (a buffer that grows to <see cref="TrailLogReadOptions.MaxRecordBytes"/>);
/// a larger record is skipped token by token. A record whose text is not UTF-8 (or holds an unpaired
/// surrogate escape) is skipped before the visitor sees it (<see cref="TrailRecordText"/>); nesting past
/// <see cref="TrailLogReadOptions.MaxDepth"/> or a file past <see cref="TrailLogReadOptions.MaxFileBytes"/>
/// stops the file. Problems go to the sink; nothing here throws on content.
/// </summary>
public static class TrailLogSplitter
{
    private enum Mode { Start, Array, Envelope, EnvelopeTail, Sequence, Done }

    public static TrailLogFileResult Read(Stream stream, string file, TrailRecordVisitor visit, ITrailProblemSink problems,
        TrailLogReadOptions? options = null, CancellationToken ct = default)
    {
        options ??= TrailLogReadOptions.Default;
        var buffer = ArrayPool<byte>.Shared.Rent(options.InitialBufferBytes);
        var length = 0;
        var end = false;
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = TrailLogReadOptions.MaxDepth });
        var cursor = new Cursor(file, visit, problems, options.MaxRecordBytes);
        long bytesRead = 0;
        try
        {
            while (cursor.Mode != Mode.Done)
            {
                ct.ThrowIfCancellationRequested();
                if (!end && length < buffer.Length)
                {
                    var n = stream.Read(buffer, length, buffer.Length - length);
                    if (n == 0) end = true;
                    if (bytesRead == 0 && n >= 3 && buffer.AsSpan(0, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        Buffer.BlockCopy(buffer, 3, buffer, 0, n - 3);
                        length -= 3;
                    }
                    length += n;
                    bytesRead += n;
                    if (bytesRead > options.MaxFileBytes)
                        return cursor.Fail(TrailProblemKinds.FileTooLarge,
                            $"the file is larger than {options.MaxFileBytes} bytes once decompressed; the rest of it was not read");
                }
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), end, state);
                var consumed = cursor.Step(ref reader, buffer.Length >= options.MaxRecordBytes, out state);
                if (consumed > 0)
                {
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                    length -= consumed;
                }
                if (cursor.Mode == Mode.Done) break;
                if (end && consumed == 0)
                    return cursor.Fail(TrailProblemKinds.InvalidJson, "the file ends in the middle of a record (truncated?)");
                if (consumed == 0 && length == buffer.Length)
                {
                    if (buffer.Length >= options.MaxRecordBytes)
                        return cursor.Fail(TrailProblemKinds.RecordTooLarge,
                            $"a single JSON value is larger than {options.MaxRecordBytes} bytes; the rest of the file was not read");
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxRecordBytes));
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
            return cursor.Finish(bytesRead);
        }
        catch (JsonException e)
        {
            return cursor.Fail(TrailProblemKinds.InvalidJson, $"invalid JSON after {cursor.Records} records ({e.Message})");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return cursor.Fail(TrailProblemKinds.Unreadable, $"could not be read after {cursor.Records} records ({e.Message})");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Where the splitter is in the file, across buffer refills.</summary>
    private sealed class Cursor(string file, TrailRecordVisitor visit, ITrailProblemSink problems, int maxRecordBytes)
    {
        public Mode Mode { get; private set; } = Mode.Start;
        public long Records { get; private set; }
        private long _index;
        private int _skipDepth = -1;
        private bool _sawValue;
        private bool _failed;

        /// <summary>Reads as far as the buffer allows; returns the bytes consumed and the state to resume from.</summary>
        public int Step(ref Utf8JsonReader reader, bool bufferAtLimit, out JsonReaderState resume)
        {
            while (Mode != Mode.Done)
            {
                var before = reader;
                if (_skipDepth >= 0)
                {
                    if (!reader.Read()) return Stop(before, out resume);
                    if (reader.CurrentDepth == _skipDepth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                        _skipDepth = -1;
                    continue;
                }
                if (!reader.Read())
                {
                    if (reader.IsFinalBlock && Mode == Mode.Sequence) Mode = Mode.Done;
                    if (reader.IsFinalBlock && Mode == Mode.Start) { Fail(TrailProblemKinds.WrongShape, "the file is empty"); Mode = Mode.Done; }
                    return Stop(before, out resume);
                }
                switch (Mode)
                {
                    case Mode.Start:
                        if (!Begin(ref reader, before, out var ready)) { reader = before; return Stop(before, out resume); }
                        if (!ready) continue;
                        goto case Mode.Sequence;
                    case Mode.Array:
                    case Mode.Envelope:
                        if (reader.TokenType == JsonTokenType.EndArray) { Mode = Mode == Mode.Array ? Mode.Done : Mode.EnvelopeTail; continue; }
                        if (!Element(ref reader, before, bufferAtLimit)) { reader = before; return Stop(before, out resume); }
                        continue;
                    case Mode.EnvelopeTail:
                        if (reader.TokenType == JsonTokenType.EndObject) { Mode = Mode.Done; continue; }
                        var probe = reader;
                        if (!probe.Read()) { reader = before; return Stop(before, out resume); }
                        if (probe.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) { reader = probe; _skipDepth = probe.CurrentDepth; }
                        else reader = probe;
                        continue;
                    case Mode.Sequence:
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            if (!Element(ref reader, before, bufferAtLimit)) { reader = before; return Stop(before, out resume); }
                            continue;
                        }
                        if (!SequenceObject(ref reader, before, bufferAtLimit)) { reader = before; return Stop(before, out resume); }
                        continue;
                }
            }
            resume = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }

        private static int Stop(Utf8JsonReader at, out JsonReaderState resume)
        {
            resume = at.CurrentState;
            return (int)at.BytesConsumed;
        }

        /// <summary>The first token decides the shape. False: need more data; ready=false: mode set, keep reading.</summary>
        private bool Begin(ref Utf8JsonReader reader, Utf8JsonReader before, out bool ready)
        {
            ready = false;
            if (reader.TokenType == JsonTokenType.StartArray) { Mode = Mode.Array; return true; }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Fail(TrailProblemKinds.WrongShape, "the file is not a JSON object, array or sequence of records");
                Mode = Mode.Done;
                return true;
            }
            var probe = reader;
            if (!probe.Read()) return false;
            if (probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("Records"u8))
            {
                if (!probe.Read()) return false;
                if (probe.TokenType == JsonTokenType.StartArray) { reader = probe; Mode = Mode.Envelope; return true; }
            }
            reader = before;
            reader.Read();
            Mode = Mode.Sequence;
            ready = true;
            return true;
        }

        /// <summary>One element of a Records array or a bare array. False: need more data.</summary>
        private bool Element(ref Utf8JsonReader reader, Utf8JsonReader before, bool bufferAtLimit)
        {
            var index = _index;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                if (reader.TokenType is JsonTokenType.StartArray)
                {
                    var probe = reader;
                    if (!probe.TrySkip()) { if (!bufferAtLimit) return false; _skipDepth = reader.CurrentDepth; }
                    else reader = probe;
                }
                problems.Report(new TrailProblem(file, index, TrailProblemKinds.BadRecord,
                    $"the record is a JSON {Describe(reader.TokenType)}, not an object; it was skipped"));
                _index++;
                return true;
            }
            var complete = reader;
            if (!complete.TrySkip())
            {
                if (!bufferAtLimit) return false;
                problems.Report(new TrailProblem(file, index, TrailProblemKinds.RecordTooLarge,
                    $"the record is larger than {maxRecordBytes} bytes; it was skipped"));
                _skipDepth = reader.CurrentDepth;
                _index++;
                return true;
            }
            using (var document = JsonDocument.ParseValue(ref reader)) Deliver(document.RootElement);
            return true;
        }

        /// <summary>A top-level object in a JSON Lines file, a lone record, or an envelope with Records not first.</summary>
        private bool SequenceObject(ref Utf8JsonReader reader, Utf8JsonReader before, bool bufferAtLimit)
        {
            var complete = reader;
            if (!complete.TrySkip())
            {
                if (!bufferAtLimit) return false;
                problems.Report(new TrailProblem(file, _index, TrailProblemKinds.RecordTooLarge,
                    $"the record is larger than {maxRecordBytes} bytes; it was skipped"));
                _skipDepth = reader.CurrentDepth;
                _index++;
                return true;
            }
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array)
            {
                foreach (var record in records.EnumerateArray()) Deliver(record);
                _sawValue = true;
                return true;
            }
            if (!_sawValue && !LooksLikeRecord(root))
            {
                Fail(TrailProblemKinds.WrongShape, "the file is a JSON object without a Records array, not a trail log file");
                Mode = Mode.Done;
                return true;
            }
            Deliver(root);
            return true;
        }

        private static bool LooksLikeRecord(JsonElement root) =>
            root.TryGetProperty("eventVersion", out _) || root.TryGetProperty("eventTime", out _)
            || root.TryGetProperty("eventName", out _) || root.TryGetProperty("eventID", out _) || root.TryGetProperty("eventSource", out _);

        private void Deliver(JsonElement record)
        {
            _sawValue = true;
            var index = _index++;
            if (record.ValueKind != JsonValueKind.Object)
            {
                problems.Report(new TrailProblem(file, index, TrailProblemKinds.BadRecord,
                    $"the record is a JSON {TrailRecordParser.Describe(record.ValueKind)}, not an object; it was skipped"));
                return;
            }
            if (TrailRecordText.Problem(JsonMarshal.GetRawUtf8Value(record)) is { } notText)
            {
                problems.Report(new TrailProblem(file, index, TrailProblemKinds.InvalidText, $"{notText}; the record was skipped"));
                _failed = true;
                return;
            }
            Records++;
            visit(record, index);
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartArray => "array",
            JsonTokenType.String => "string",
            JsonTokenType.Number => "number",
            JsonTokenType.True or JsonTokenType.False => "boolean",
            JsonTokenType.Null => "null",
            _ => "value",
        };

        public TrailLogFileResult Fail(string kind, string message)
        {
            problems.Report(new TrailProblem(file, null, kind, message));
            Mode = Mode.Done;
            _failed = true;
            return new TrailLogFileResult(file, Records, 0, Readable: false);
        }

        public TrailLogFileResult Finish(long bytes) => new(file, Records, bytes, Readable: !_failed);
    }
}

/// <summary>How much of a log file was read: records handed to the visitor, and whether the whole file was readable.</summary>
public sealed record TrailLogFileResult(string File, long Records, long Bytes, bool Readable);

/// <summary>Limits for reading one log file.</summary>
public sealed record TrailLogReadOptions
{
    public static TrailLogReadOptions Default { get; } = new();

    /// <summary>
    /// How deep JSON may nest in a log file (the envelope counts two levels). CloudTrail records nest a
    /// dozen levels; a file nested deeper is hostile and is not read past that point. Whoever parses a
    /// record's text again uses this limit too, so a record read here is never refused later.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>CloudTrail records are at most 256 KB; anything far larger is hostile or broken.</summary>
    public int MaxRecordBytes { get; init; } = 8 * 1024 * 1024;
    public int InitialBufferBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// The most a file is read, decompressed. A gzip of whitespace grows a thousandfold; without a bound,
    /// a few planted megabytes would hold the response for minutes.
    /// </summary>
    public long MaxFileBytes { get; init; } = 1L << 30;
}
