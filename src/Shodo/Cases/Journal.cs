using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases.Redaction;

namespace Shodo.Cases;

/// <summary>
/// The case's append-only, hash-chained record of every step. Each append is redacted, written as one
/// line and flushed to disk (fsync) before <see cref="AppendAsync"/> returns. Appends from many
/// threads are serialised; other processes are kept out by the case lock.
/// </summary>
public sealed class Journal
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate;
    private readonly TimeProvider _time;
    private readonly Redactor _redactor;
    private readonly JournalKey? _key;
    private JournalAnchor _last;

    internal Journal(FileStream stream, SemaphoreSlim gate, TimeProvider time, Redactor redactor, Actor actor, long lastSeq, string lastHash,
        JournalKey? key = null)
    {
        _stream = stream;
        _gate = gate;
        _time = time;
        _redactor = redactor;
        _key = key;
        Actor = actor;
        _last = new JournalAnchor(lastSeq, lastHash);
    }

    /// <summary>Who the next entries are attributed to.</summary>
    public Actor Actor { get; internal set; }

    /// <summary>How many entries the journal holds (the last entry's <c>seq</c>).</summary>
    public long Count => Last.Seq;

    /// <summary>The hash of the last entry (or <see cref="JournalEntry.Genesis"/>).</summary>
    public string Head => Last.Hash;

    /// <summary>The last entry's <c>seq</c> and <c>hash</c>, read together: what to send outside the case as its anchor.</summary>
    public JournalAnchor Last => Volatile.Read(ref _last);

    /// <summary>Whether entries carry the journal key's MAC.</summary>
    public bool Keyed => _key is not null;

    /// <summary>
    /// Records one step. <paramref name="data"/> and <paramref name="why"/> are redacted first; the
    /// entry is on disk when this returns.
    /// </summary>
    public async Task<JournalEntry> AppendAsync(string kind, JsonObject? data = null, string? why = null, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try { return AppendLocked(kind, data, why); }
        finally { _gate.Release(); }
    }

    /// <summary>Appends while the caller already holds the case's gate.</summary>
    internal JournalEntry AppendLocked(string kind, JsonObject? data, string? why)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var redacted = (JsonObject?)_redactor.Redact(data ?? new JsonObject()).Value ?? new JsonObject();
        var reason = why is null ? null : _redactor.RedactText(why).Value;
        var seq = Count + 1;
        var time = _time.GetUtcNow();
        var body = JournalEntry.Body(seq, time, Actor, kind, redacted, reason, Head);
        if (_key is not null) body["mac"] = _key.Mac(body);
        var hash = ContentHash.Sha256(CanonicalJson.Encode(body));
        body["hash"] = hash;
        var line = CanonicalJson.Encode(body);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        PrivateFiles.AppendDurably(_stream, bytes);
        Volatile.Write(ref _last, new JournalAnchor(seq, hash));
        return new JournalEntry(seq, time, Actor, kind, redacted, reason, body["prev"]!.GetValue<string>(), hash);
    }
}
