namespace Shodo.Bench.Hunting;

/// <summary>A process's peak resident memory (VmHWM from /proc/PID/status), in MB.</summary>
public static class PeakMemory
{
    /// <summary>This process's peak.</summary>
    public static double Megabytes() => Megabytes("self");

    /// <summary>Another process's peak; 0 once it has exited.</summary>
    public static double Megabytes(int pid)
    {
        try { return Megabytes(pid.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
        catch (IOException) { return 0; }
    }

    private static double Megabytes(string pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        return double.NaN;
    }
}
