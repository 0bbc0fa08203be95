using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Cases;

namespace Shodo.Evidence.Snapshot;

/// <summary>
/// What <c>shodo collect</c> stored, read back from the case: <c>evidence/index.jsonl</c> and each
/// blob through <see cref="EvidenceStore.ReadAsync"/> (hash-checked). Answers are looked up by
/// service, operation, region and request parameters; each keeps its SHA-256 so facts can point at it.
/// An answer that does not parse is never dropped silently: it becomes a <see cref="SnapshotGap"/>.
/// </summary>
public sealed class StoredAnswers
{
    private readonly Case _case;
    private readonly List<EvidenceRecord> _index;
    private readonly List<SnapshotGap> _gaps = [];

    private StoredAnswers(Case @case, List<EvidenceRecord> index)
    {
        _case = @case;
        _index = index;
    }

    /// <summary>Nothing stored: for a reader that must not use a collection still under way.</summary>
    public static StoredAnswers Nothing(Case @case) => new(@case, []);

    public static StoredAnswers Load(Case @case)
    {
        var path = Path.Combine(@case.Directory, CaseFileNames.EvidenceIndex);
        var index = File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => EvidenceRecord.FromJson(JsonNode.Parse(l)!)).ToList()
            : [];
        return new StoredAnswers(@case, index);
    }

    /// <summary>Every stored answer that could not be read as its protocol's document, in the order met.</summary>
    public IReadOnlyList<SnapshotGap> Gaps
    {
        get { lock (_gaps) return _gaps.ToList(); }
    }

    public bool Any(string service, string operation) => _index.Any(r => r.Service == service && r.Operation == operation);

    public IEnumerable<EvidenceRecord> Records(string service, string operation) =>
        _index.Where(r => r.Service == service && r.Operation == operation);

    /// <summary>Records a fact the part could not read from an answer that did parse (a field missing or malformed).</summary>
    public void Unreadable(EvidenceRecord record, string reason)
    {
        lock (_gaps) _gaps.Add(SnapshotGap.Of(record, reason));
    }

    /// <summary>
    /// Reads each stored XML answer of the call with <paramref name="read"/>; an answer that does not parse,
    /// or that <paramref name="read"/> cannot make sense of, becomes a gap and the others go on.
    /// </summary>
    public async Task ForEachXmlAsync(string service, string operation, Action<Answer<XElement>> read, CancellationToken ct)
    {
        foreach (var answer in await XmlAsync(service, operation, ct).ConfigureAwait(false)) Read(answer, read);
    }

    /// <summary>As <see cref="ForEachXmlAsync"/>, for JSON answers.</summary>
    public async Task ForEachJsonAsync(string service, string operation, Action<Answer<JsonElement>> read, CancellationToken ct)
    {
        foreach (var answer in await JsonAsync(service, operation, ct).ConfigureAwait(false)) Read(answer, read);
    }

    /// <summary>As <see cref="ForEachXmlAsync"/>, for answers read as text (S3's GetBucketPolicy answers a JSON policy, or an XML error).</summary>
    public async Task ForEachTextAsync(string service, string operation, Action<Answer<string>> read, CancellationToken ct)
    {
        foreach (var answer in await ParseAsync(service, operation, bytes => System.Text.Encoding.UTF8.GetString(bytes), ct).ConfigureAwait(false))
            Read(answer, read);
    }

    private void Read<T>(Answer<T> answer, Action<Answer<T>> read)
    {
        try { read(answer); }
        catch (Exception e) when (IsShapeError(e)) { Unreadable(answer.Record, e.Message); }
    }

    /// <summary>What a stored answer of the wrong shape throws while it is read (never an I/O or tampering failure).</summary>
    private static bool IsShapeError(Exception e) =>
        e is System.Xml.XmlException or JsonException or FormatException or ArgumentException or InvalidOperationException
            or KeyNotFoundException or IndexOutOfRangeException or OverflowException;

    public Task<List<Answer<XElement>>> XmlAsync(string service, string operation, CancellationToken ct) =>
        ParseAsync(service, operation, bytes => Aws.Protocols.Xml.Load(bytes), ct);

    public Task<List<Answer<JsonElement>>> JsonAsync(string service, string operation, CancellationToken ct) =>
        ParseAsync(service, operation, bytes =>
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.Clone();
        }, ct);

    private async Task<List<Answer<T>>> ParseAsync<T>(string service, string operation, Func<byte[], T> parse, CancellationToken ct)
    {
        var answers = new List<Answer<T>>();
        // One answer per body, region and parameters: the same body answered for two buckets (two identical ACLs or tag sets)
        // is two facts, while a page stored twice by a retry is one.
        foreach (var record in Records(service, operation).DistinctBy(r => (r.Sha256, r.Region, r.Parameters?.ToJsonString())))
        {
            var bytes = await _case.Evidence.ReadAsync(record.Sha256, ct).ConfigureAwait(false);
            try { answers.Add(new Answer<T>(record, parse(bytes))); }
            catch (Exception e) when (IsShapeError(e))
            {
                Unreadable(record, e.Message);
            }
        }
        return answers;
    }
}

/// <summary>One stored answer, parsed, with the evidence record that names it.</summary>
public sealed record Answer<T>(EvidenceRecord Record, T Body)
{
    public string? Parameter(string name) => Record.Parameters?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
