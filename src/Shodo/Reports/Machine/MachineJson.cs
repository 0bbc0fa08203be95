using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Shodo.Reports.Machine;

/// <summary>JSON for the machine formats: readable Japanese, control characters always escaped.</summary>
public static class MachineJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    public static readonly JsonSerializerOptions Line = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static long EpochMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
