using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Containment.Record;

/// <summary>Appends containment entries to the case journal (each on disk before it returns) and keeps the ledger current.</summary>
public sealed class ContainmentRecorder(Case @case, ContainmentLedger ledger)
{
    public ContainmentLedger Ledger { get; } = ledger;
    public Case Case { get; } = @case;

    public async Task AppendAsync(string kind, JsonObject data, string? why, CancellationToken ct)
    {
        await Case.Journal.AppendAsync(kind, data, why, ct).ConfigureAwait(false);
        Ledger.Observe(kind, data);
    }
}
