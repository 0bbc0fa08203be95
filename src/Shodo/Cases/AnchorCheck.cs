using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Checks the journal against what is outside its folder: each anchor given (the entry at its
/// <c>seq</c> must have its hash) and, with the journal key, every entry's MAC. An anchor the journal
/// does not hold, or a MAC the key did not make, is a finding: the chain was rewritten. Also lists the
/// heads the journal says were sent out (escalation notices), so verify can say where to find one.
/// </summary>
internal static class AnchorCheck
{
    private const string File = CaseFileNames.Journal;

    public static (List<CaseFinding> Findings, JournalAnchoring Anchoring) Run(JournalChain chain, CaseVerifyOptions options)
    {
        var findings = new List<CaseFinding>();
        JournalAnchor? through = null;
        var by = new List<AnchorSource>();
        void Proven(JournalAnchor anchor, AnchorSource source)
        {
            if (!by.Contains(source)) by.Add(source);
            if (through is null || anchor.Seq > through.Seq) through = anchor;
        }

        foreach (var anchor in options.Anchors)
        {
            if (anchor.Seq <= chain.Entries.Count && (string?)chain.Entries[(int)anchor.Seq - 1].Entry["hash"] == anchor.Hash)
                Proven(anchor, AnchorSource.Given);
            else
                findings.Add(new(File, anchor.Seq <= chain.Entries.Count ? (int)anchor.Seq : null,
                    Messages.Get("CaseVerifyAnchorMissing", anchor.ToString(), anchor.Seq)));
        }

        var macs = false;
        foreach (var (line, entry) in chain.Entries)
        {
            if (entry["mac"] is not JsonValue value || !value.TryGetValue<string>(out var mac)) continue;
            macs = true;
            if (options.Key is null) continue;
            if (options.Key.Made(entry, mac)) Proven(new JournalAnchor(line, (string)entry["hash"]!), AnchorSource.JournalKey);
            else
            {
                findings.Add(new(File, line, Messages.Get("CaseVerifyMacMismatch", File, line)));
                break;
            }
        }

        var sent = new List<AnchorSent>();
        foreach (var (_, entry) in chain.Entries)
            if ((string?)entry["kind"] == "escalation.sent" && entry["data"]?["anchor"] is JsonValue a && a.TryGetValue<string>(out var text)
                && JournalAnchor.Parse(text) is { } announced
                && DateTimeOffset.TryParse((string?)entry["time"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                sent.Add(new AnchorSent(announced.Seq, (string?)entry["data"]!["channel"] ?? "?", (string?)entry["data"]!["target"] ?? "?", at));

        return (findings, new JournalAnchoring(through, by, sent) { MacsUnchecked = macs && options.Key is null });
    }
}
