using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// Puts right what a crash (SIGKILL, power loss) leaves in a case, when the next writer opens it
/// (<see cref="Case.Load"/>, holding the lock). Only the states Shodo's own write order can leave are
/// repaired, and each repair becomes a <c>case.repaired</c> journal entry saying what was done:
/// <list type="bullet">
/// <item><c>journal-tail</c>: the unfinished start of an entry at the end of the journal (an append cut
/// short) is cut off; its size and SHA-256 are journaled. It was never part of the record: the step
/// that wrote it had not gone on.</item>
/// <item><c>journal-newline</c>: a whole last entry whose newline was not written gets it.</item>
/// <item><c>evidence-index</c>: the index is made what the journal says it is. Usually the line of the
/// last store is restored (the journal entry is written first); an index with lines the journal never
/// recorded (left by versions that wrote the index first) is replaced, the previous file kept beside
/// it under a new name and named in the entry.</item>
/// <item><c>document</c>: a document journaled but not yet renamed into place is renamed.</item>
/// </list>
/// </summary>
internal static class CaseRepair
{
    public static List<JsonObject> Run(string directory, JournalChain chain)
    {
        var repairs = new List<JsonObject>();
        if (JournalTail(directory, chain) is { } tail) repairs.Add(tail);
        if (EvidenceIndex(directory, chain) is { } index) repairs.Add(index);
        repairs.AddRange(Documents(directory, chain));
        return repairs;
    }

    private static JsonObject? JournalTail(string directory, JournalChain chain)
    {
        if (chain.Tail is not { } tail) return null;
        using var stream = PrivateFiles.Open(Path.Combine(directory, CaseFileNames.Journal), FileMode.Open, FileAccess.Write, FileShare.Read);
        if (tail.Complete)
        {
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
            return new JsonObject { ["what"] = "journal-newline", ["line"] = tail.Line };
        }
        stream.SetLength(tail.Offset);
        stream.Flush(flushToDisk: true);
        return new JsonObject
        {
            ["what"] = "journal-tail", ["line"] = tail.Line, ["bytes"] = tail.Bytes.Length, ["sha256"] = ContentHash.Sha256(tail.Bytes),
        };
    }

    private static JsonObject? EvidenceIndex(string directory, JournalChain chain)
    {
        var expectedLines = chain.Entries
            .Where(e => (string?)e.Entry["kind"] == JournalKinds.EvidenceStored)
            .Select(e => EvidenceIndexLine.Bytes(e.Entry["data"]!)).ToList();
        var expected = expectedLines.SelectMany(l => l).ToArray();
        var path = CaseFileNames.Full(directory, CaseFileNames.EvidenceIndex);
        var actual = File.Exists(path) ? PrivateFiles.ReadShared(path) : [];
        if (actual.AsSpan().SequenceEqual(expected)) return null;

        if (actual.Length < expected.Length && expected.AsSpan().StartsWith(actual))
        {
            // The usual crash: the last line (or its end) was not written yet.
            using var stream = PrivateFiles.OpenForAppend(path);
            PrivateFiles.AppendDurably(stream, expected.AsSpan(actual.Length));
            var kept = CaseLine.Read(actual).Count(l => l.Terminated);
            return new JsonObject { ["what"] = "evidence-index", ["restored"] = expectedLines.Count - kept };
        }

        var actualLines = CaseLine.Read(actual);
        var common = 0;
        while (common < actualLines.Count && common < expectedLines.Count && actualLines[common].Terminated
               && expectedLines[common].AsSpan(0, expectedLines[common].Length - 1).SequenceEqual(actualLines[common].Bytes))
            common++;
        var previous = $"{CaseFileNames.EvidenceIndex}.replaced-{chain.Entries.Count + 1}";
        var previousPath = CaseFileNames.Full(directory, previous);
        if (File.Exists(previousPath)) File.Move(previousPath, previousPath + "-" + Guid.NewGuid().ToString("n")[..8]);
        PrivateFiles.WriteNew(previousPath, actual);
        var temp = path + ".tmp";
        File.Delete(temp);
        PrivateFiles.WriteNew(temp, expected);
        File.Move(temp, path, overwrite: true);
        PrivateFiles.SyncDirectory(Path.GetDirectoryName(path)!);
        return new JsonObject
        {
            ["what"] = "evidence-index", ["restored"] = expectedLines.Count - common, ["dropped"] = actualLines.Count - common,
            ["previous"] = new JsonObject { ["path"] = previous, ["sha256"] = ContentHash.Sha256(actual), ["size"] = actual.Length },
        };
    }

    private static IEnumerable<JsonObject> Documents(string directory, JournalChain chain)
    {
        foreach (var (line, record) in DocumentCheck.Run(directory, chain).Pending)
        {
            var full = CaseFileNames.Full(directory, record.Path);
            File.Move(CaseDocuments.TempPath(full), full, overwrite: true);
            PrivateFiles.SyncDirectory(Path.GetDirectoryName(full)!);
            yield return new JsonObject { ["what"] = "document", ["path"] = record.Path, ["sha256"] = record.Sha256, ["line"] = line };
        }
    }
}
