using System.Globalization;

namespace Shodo.Cases;

/// <summary>
/// A journal entry's place and hash, <c>SEQ:HASH</c>: what Shodo sends outside the case folder as it
/// grows (in every escalation notice, in the report) and what <c>shodo case verify --anchor</c> takes
/// back. Someone who can write the case folder can rewrite the whole chain with recomputed hashes, but
/// cannot change a copy of its head that already left the folder: if the journal still holds this
/// hash at this entry, nothing up to it was changed, removed or rewritten.
/// </summary>
public sealed record JournalAnchor(long Seq, string Hash)
{
    public override string ToString() => $"{Seq.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    /// <summary>Reads <c>SEQ:HASH</c> (a lower- or upper-case hex SHA-256); null when it is not one.</summary>
    public static JournalAnchor? Parse(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1) return null;
        var hash = parts[1].ToLowerInvariant();
        return ContentHash.IsSha256(hash) ? new JournalAnchor(seq, hash) : null;
    }
}
