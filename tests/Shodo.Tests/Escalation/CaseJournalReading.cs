using System.Text.Json.Nodes;

namespace Shodo.Tests.Escalation;

/// <summary>Reads a case's journal the way a reviewer would: one JSON object per line.</summary>
internal static class CaseJournalReading
{
    public static List<JsonObject> Entries(string caseDirectory)
    {
        using var stream = new FileStream(Path.Combine(caseDirectory, "journal.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    /// <summary>How many <c>escalation.sent</c> entries name this level and message (alert, repeat, ...).</summary>
    public static int Sent(string caseDirectory, string levelName, string? message = null) =>
        Kind(caseDirectory, "escalation.sent").Count(e => (string)e["data"]!["levelName"]! == levelName
            && (message is null || (string)e["data"]!["message"]! == message));

    public static List<JsonObject> Kind(string caseDirectory, string kind) =>
        Entries(caseDirectory).Where(e => (string)e["kind"]! == kind).ToList();

    public static async Task Until(Func<bool> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
