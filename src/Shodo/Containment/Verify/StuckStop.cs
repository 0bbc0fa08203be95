using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Verify;

/// <summary>
/// An instance whose stop was accepted but does not finish: still <c>stopping</c> long after EC2 said when the stop began
/// (its state transition reason, "User initiated (2026-01-02 03:04:05 GMT)"). It keeps running on its host, so it is not
/// contained; EC2 may need a forced stop, which is a human's call.
/// </summary>
public static partial class StuckStop
{
    /// <summary>A stop normally finishes within minutes.</summary>
    public static readonly TimeSpan DefaultAfter = TimeSpan.FromMinutes(10);

    /// <summary>When the stop began, if the instance is still stopping at least <paramref name="after"/> later; else null.</summary>
    public static DateTimeOffset? Since(JsonObject state, DateTimeOffset now, TimeSpan after)
    {
        if (InstanceRead.Name(state) != "stopping" || (string?)state["stateTransitionReason"] is not { } reason) return null;
        var m = Began().Match(reason);
        if (!m.Success || !DateTimeOffset.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var began)) return null;
        return now - began >= after ? began : null;
    }

    public static string Reason(DateTimeOffset since) =>
        $"still stopping since {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (state: stopping): not stopped, so not contained; " +
        "a forced stop (stop-instances --force) is a human decision";

    [GeneratedRegex(@"\((\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) GMT\)")]
    private static partial Regex Began();
}
