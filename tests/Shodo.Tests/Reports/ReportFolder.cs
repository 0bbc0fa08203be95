namespace Shodo.Tests.Reports;

/// <summary>A temporary folder for cases, removed after the test.</summary>
public sealed class ReportFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "shodo-report-" + Guid.NewGuid().ToString("n")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
