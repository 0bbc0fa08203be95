using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// A line of <c>evidence/index.jsonl</c>: the canonical encoding of an <c>evidence.stored</c> entry's
/// data followed by <c>\n</c>. The index holds nothing the journal does not, so it can always be
/// checked against the journal and restored from it.
/// </summary>
internal static class EvidenceIndexLine
{
    public static byte[] Bytes(JsonNode data) => [.. CanonicalJson.Encode(data), (byte)'\n'];
}
