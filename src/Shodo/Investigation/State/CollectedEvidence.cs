using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Cases;

namespace Shodo.Investigation.State;

/// <summary>
/// What <c>shodo collect</c> stored, read back from the case: <c>evidence/index.jsonl</c> and each
/// blob through <see cref="EvidenceStore.ReadAsync"/> (hash-checked). Answers are looked up by
/// service, operation, region and request parameters; each keeps its SHA-256 so results can point at it.
/// </summary>
public sealed class CollectedEvidence
{
    private readonly Case _case;
    private readonly List<EvidenceRecord> _index;

    private CollectedEvidence(Case @case, List<EvidenceRecord> index)
    {
        _case = @case;
        _index = index;
    }

    public static CollectedEvidence Load(Case @case)
    {
        var path = Path.Combine(@case.Directory, CaseFileNames.EvidenceIndex);
        var index = File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => EvidenceRecord.FromJson(JsonNode.Parse(l)!)).ToList()
            : [];
        return new CollectedEvidence(@case, index);
    }

    public bool Any(string service, string operation) => _index.Any(r => r.Service == service && r.Operation == operation);

    public IEnumerable<EvidenceRecord> Records(string service, string operation) =>
        _index.Where(r => r.Service == service && r.Operation == operation);

    public async Task<List<Answer<XElement>>> XmlAsync(string service, string operation, CancellationToken ct)
    {
        var answers = new List<Answer<XElement>>();
        foreach (var record in Records(service, operation).DistinctBy(r => (r.Sha256, r.Region)))
        {
            var bytes = await _case.Evidence.ReadAsync(record.Sha256, ct);
            try { answers.Add(new Answer<XElement>(record, Aws.Protocols.Xml.Load(bytes))); }
            catch (System.Xml.XmlException) { }
        }
        return answers;
    }

    public async Task<List<Answer<JsonElement>>> JsonAsync(string service, string operation, CancellationToken ct)
    {
        var answers = new List<Answer<JsonElement>>();
        foreach (var record in Records(service, operation).DistinctBy(r => (r.Sha256, r.Region)))
        {
            var bytes = await _case.Evidence.ReadAsync(record.Sha256, ct);
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                answers.Add(new Answer<JsonElement>(record, doc.RootElement.Clone()));
            }
            catch (JsonException) { }
        }
        return answers;
    }
}

/// <summary>One stored answer, parsed, with the evidence record that names it.</summary>
public sealed record Answer<T>(EvidenceRecord Record, T Body)
{
    public string? Parameter(string name) => Record.Parameters?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
