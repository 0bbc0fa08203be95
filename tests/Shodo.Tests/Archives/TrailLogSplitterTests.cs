using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Trail;
using Shodo.Trail.Archives;

namespace Shodo.Tests.Archives;

public sealed class TrailLogSplitterTests
{
    private static (List<string> Ids, TrailLogFileResult Result, IReadOnlyList<TrailProblem> Problems) Split(
        byte[] data, TrailLogReadOptions? options = null, int chunk = 4096)
    {
        var ids = new List<string>();
        var problems = new TrailProblemList();
        var result = TrailLogSplitter.Read(new TrickleStream(data, chunk), "logs/f.json",
            (record, index) => ids.Add(record.TryGetProperty("eventID", out var id) ? id.ToString() : $"#{index}"),
            problems, options);
        return (ids, result, problems.Snapshot());
    }

    private static readonly TrailLogReadOptions Tiny = new() { InitialBufferBytes = 16, MaxRecordBytes = 1 << 20 };

    public static TheoryData<string> Shapes => new() { "envelope", "array", "lines", "envelope-late" };

    private static byte[] Shape(string shape, IReadOnlyList<JsonObject> records) => shape switch
    {
        "envelope" => ArchiveSamples.Envelope(records),
        "array" => ArchiveSamples.BareArray(records),
        "lines" => ArchiveSamples.JsonLines(records),
        _ => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["digestNote"] = new JsonObject { ["x"] = 1 },
            ["Records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        }.ToJsonString()),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_shape_yields_every_detonation_record_in_order_across_one_byte_reads(string shape)
    {
        foreach (var file in TrailTestData.DetonationFiles)
        {
            var records = ArchiveSamples.Records(Path.GetFileName(file));
            var (ids, result, problems) = Split(Shape(shape, records), Tiny, chunk: 7);
            Assert.Empty(problems);
            Assert.True(result.Readable);
            Assert.Equal(records.Select(r => r["eventID"]!.ToString()), ids);
        }
    }

    [Fact]
    public void Pretty_printed_file_with_a_byte_order_mark_reads()
    {
        var file = TrailTestData.DetonationFiles.First(f => f.Contains("ssm-send-command"));
        var data = (byte[])[0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(file)];
        var (ids, result, problems) = Split(data);
        Assert.Empty(problems);
        Assert.Equal(JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.GetArrayLength(), ids.Count);
    }

    [Fact]
    public void Non_object_elements_are_skipped_with_their_index_and_the_rest_is_read()
    {
        var data = """{"Records":[{"eventID":"a"},"oops",[1,[2]],42,{"eventID":"b"}]}"""u8.ToArray();
        var (ids, result, problems) = Split(data, Tiny, chunk: 3);
        Assert.Equal(["a", "b"], ids);
        Assert.True(result.Readable);
        Assert.Equal([1L, 2L, 3L], problems.Select(p => p.RecordIndex!.Value));
        Assert.All(problems, p => Assert.Equal(TrailProblemKinds.BadRecord, p.Kind));
        Assert.Contains("string", problems[0].Message);
    }

    [Fact]
    public void A_record_over_the_limit_is_skipped_and_the_next_one_read()
    {
        var big = "{\"eventID\":\"big\",\"requestParameters\":{\"items\":[" +
                  string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"item-{i}\"")) + "]}}";
        var data = Encoding.UTF8.GetBytes($$"""{"Records":[{"eventID":"a"},{{big}},{"eventID":"c"}]}""");
        var (ids, result, problems) = Split(data, new TrailLogReadOptions { InitialBufferBytes = 256, MaxRecordBytes = 4096 });
        Assert.Equal(["a", "c"], ids);
        Assert.True(result.Readable);
        var problem = Assert.Single(problems);
        Assert.Equal(TrailProblemKinds.RecordTooLarge, problem.Kind);
        Assert.Equal(1, problem.RecordIndex);
    }

    [Fact]
    public void An_enormous_single_field_stops_the_file_with_a_clear_problem()
    {
        var data = Encoding.UTF8.GetBytes($$"""[{"eventID":"a"},{"eventID":"b","userAgent":"{{new string('x', 50_000)}}"}]""");
        var (ids, result, problems) = Split(data, new TrailLogReadOptions { InitialBufferBytes = 256, MaxRecordBytes = 8192 });
        Assert.Equal(["a"], ids);
        Assert.False(result.Readable);
        Assert.Contains(problems, p => p.Kind == TrailProblemKinds.RecordTooLarge && p.RecordIndex is null && p.File == "logs/f.json");
    }

    [Theory]
    [InlineData("""{"Records":[{"eventID":"a"},{"eventID":"b"}""", 2)]
    [InlineData("""{"Records":[{"eventID":"a"},{"eventID":"b" """, 1)]
    [InlineData("""[{"eventID":"a"},{"eventID":}]""", 1)]
    [InlineData("{\"eventID\":\"a\"}\n{\"eventID\":\"b\"}\n{\"eventID\":", 2)]
    public void Invalid_or_cut_json_keeps_the_records_before_and_names_the_file(string text, int kept)
    {
        var (ids, result, problems) = Split(Encoding.UTF8.GetBytes(text), Tiny, chunk: 5);
        Assert.Equal(kept, ids.Count);
        Assert.False(result.Readable);
        var problem = Assert.Single(problems);
        Assert.Equal(TrailProblemKinds.InvalidJson, problem.Kind);
        Assert.StartsWith("logs/f.json: ", problem.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("""{"logFiles":[],"digestStartTime":"2024-01-01T00:00:00Z"}""")]
    public void A_file_of_another_shape_is_named_as_such(string text)
    {
        var (ids, result, problems) = Split(Encoding.UTF8.GetBytes(text));
        Assert.Empty(ids);
        Assert.False(result.Readable);
        Assert.Equal(TrailProblemKinds.WrongShape, Assert.Single(problems).Kind);
    }

    public static TheoryData<string, string> NotText => new()
    {
        { "envelope", "ff-in-a-value" }, { "envelope", "ff-in-a-name" }, { "envelope", "cut-sequence" }, { "envelope", "overlong" },
        { "envelope", "unpaired-high-surrogate" }, { "envelope", "unpaired-low-surrogate" }, { "lines", "ff-in-a-value" },
        { "lines", "unpaired-high-surrogate" }, { "array", "ff-in-a-name" },
    };

    private static byte[] BadText(string kind) => kind switch
    {
        "ff-in-a-value" => [.. "{\"eventID\":\"b\",\"userAgent\":\"evil"u8, 0xFF, .. "agent\"}"u8],
        "ff-in-a-name" => [.. "{\"eventID\":\"b\",\"user"u8, 0xFF, .. "Agent\":\"x\"}"u8],
        "cut-sequence" => [.. "{\"eventID\":\"b\",\"userAgent\":\"caf"u8, 0xC3, .. "\"}"u8],
        "overlong" => [.. "{\"eventID\":\"b\",\"userAgent\":\""u8, 0xC0, 0xAF, .. "\"}"u8],
        "unpaired-high-surrogate" => "{\"eventID\":\"b\",\"requestParameters\":{\"name\":\"x\\ud800y\"}}"u8.ToArray(),
        _ => "{\"eventID\":\"b\",\"userAgent\":\"\\uDC00\"}"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public void A_record_whose_text_is_not_utf8_or_unicode_is_skipped_named_and_the_rest_read(string shape, string kind)
    {
        byte[] a = "{\"eventID\":\"a\"}"u8.ToArray(), c = "{\"eventID\":\"c\"}"u8.ToArray();
        byte[] data = shape switch
        {
            "envelope" => [.. "{\"Records\":["u8, .. a, (byte)',', .. BadText(kind), (byte)',', .. c, .. "]}"u8],
            "array" => [(byte)'[', .. a, (byte)',', .. BadText(kind), (byte)',', .. c, (byte)']'],
            _ => [.. a, (byte)'\n', .. BadText(kind), (byte)'\n', .. c, (byte)'\n'],
        };
        var problems = new TrailProblemList();
        var ids = new List<string>();

        // The visitor reads every string of the record, as the parser and the rules do.
        var result = TrailLogSplitter.Read(new TrickleStream(data, 5), "logs/f.json", (record, _) =>
        {
            foreach (var p in record.EnumerateObject()) if (p.Value.ValueKind == JsonValueKind.String) p.Value.GetString();
            ids.Add(record.GetProperty("eventID").GetString()!);
        }, problems, Tiny);

        Assert.Equal(["a", "c"], ids);
        Assert.False(result.Readable);
        var problem = Assert.Single(problems.Snapshot());
        Assert.Equal((TrailProblemKinds.InvalidText, 1L), (problem.Kind, problem.RecordIndex!.Value));
        Assert.StartsWith("logs/f.json record 1: ", problem.ToString());
    }

    [Fact]
    public void A_record_nested_past_the_depth_limit_stops_the_file_with_a_problem_naming_the_depth()
    {
        var deep = $"{{\"eventID\":\"b\",\"requestParameters\":{new string('[', 5000)}{new string(']', 5000)}}}";
        var data = Encoding.UTF8.GetBytes($$"""{"Records":[{"eventID":"a"},{{deep}},{"eventID":"c"}]}""");
        var (ids, result, problems) = Split(data, Tiny, chunk: 64);
        Assert.Equal(["a"], ids);
        Assert.False(result.Readable);
        var problem = Assert.Single(problems);
        Assert.Equal(TrailProblemKinds.InvalidJson, problem.Kind);
        Assert.Contains($"{TrailLogReadOptions.MaxDepth}", problem.Message);
    }

    [Fact]
    public void A_file_larger_than_the_limit_once_decompressed_stops_with_a_problem()
    {
        // A gzip bomb of whitespace: 8 MiB of spaces inside an array compresses to a few KiB.
        var bomb = ArchiveSamples.Gzip([.. "[{\"eventID\":\"a\"},"u8, .. Enumerable.Repeat((byte)' ', 8 << 20), .. "{\"eventID\":\"b\"}]"u8]);
        var ids = new List<string>();
        var problems = new TrailProblemList();
        using var json = TrailLogDecoding.Decode(new MemoryStream(bomb));

        var result = TrailLogSplitter.Read(json, "logs/bomb.json.gz", (record, _) => ids.Add(record.GetProperty("eventID").GetString()!),
            problems, new TrailLogReadOptions { MaxFileBytes = 1 << 20 });

        Assert.Equal(["a"], ids);
        Assert.False(result.Readable);
        var problem = Assert.Single(problems.Snapshot());
        Assert.Equal(TrailProblemKinds.FileTooLarge, problem.Kind);
        Assert.Contains("1048576", problem.Message);
        Assert.True(bomb.Length * 50L < 8 << 20, $"{bomb.Length}");
    }

    [Fact]
    public void Memory_stays_bounded_by_the_record_not_the_file()
    {
        var record = ArchiveSamples.Records("aws.execution.ssm-send-command.json")[0];
        var many = Enumerable.Repeat(record, 20_000).ToList();
        var data = ArchiveSamples.Envelope(many);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        var problems = new TrailProblemList();
        var result = TrailLogSplitter.Read(new MemoryStream(data), "f", (_, _) => count++, problems);
        Assert.Equal(20_000, count);
        Assert.True(result.Readable);
        Assert.True(data.Length > 20_000_000, $"{data.Length}");
        // The buffer never grows past the initial 64 KiB for records of a few KB.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < data.Length * 2L);
    }
}
