using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

/// <summary>
/// What someone with write access to a case folder can do to its journal without breaking the chain:
/// edit an entry and recompute every hash after it, or append an entry with a correct hash and link.
/// Without the journal key they cannot make a valid <c>mac</c>.
/// </summary>
internal static class JournalForger
{
    /// <summary>Edits entry <paramref name="line"/> and recomputes every hash and link.</summary>
    public static void Rewrite(string caseDirectory, int line, Action<JsonObject> edit)
    {
        var path = Path.Combine(caseDirectory, CaseFileNames.Journal);
        var entries = File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        edit(entries[line - 1]);
        var prev = JournalEntry.Genesis;
        foreach (var entry in entries)
        {
            entry["prev"] = prev;
            entry["hash"] = JournalEntry.ComputeHash(entry);
            prev = (string)entry["hash"]!;
        }
        File.WriteAllText(path, string.Concat(entries.Select(e => Encoding.UTF8.GetString(CanonicalJson.Encode(e)) + "\n")));
    }

    /// <summary>Appends an entry of <paramref name="kind"/> that links to the last one (and carries no MAC).</summary>
    public static void Append(string caseDirectory, string kind)
    {
        var path = Path.Combine(caseDirectory, CaseFileNames.Journal);
        var last = JsonNode.Parse(File.ReadAllLines(path)[^1])!.AsObject();
        var entry = last.DeepClone().AsObject();
        entry["seq"] = (long)last["seq"]! + 1;
        entry["kind"] = kind;
        entry["data"] = new JsonObject();
        entry["prev"] = (string)last["hash"]!;
        entry.Remove("mac");
        entry["hash"] = JournalEntry.ComputeHash(entry);
        File.AppendAllText(path, Encoding.UTF8.GetString(CanonicalJson.Encode(entry)) + "\n");
    }
}
