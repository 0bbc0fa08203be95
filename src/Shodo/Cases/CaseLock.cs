using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// The one-writer-at-a-time lock of a case: <c>.lock</c> in the case folder, opened with
/// <see cref="FileShare.None"/> (an exclusive <c>flock</c> on Unix, a sharing lock on Windows) for
/// the life of the writer. The operating system releases it when the process dies, so a crash never
/// leaves a case locked. A second writer, in this process or another, is refused at once.
/// </summary>
internal sealed class CaseLock : IDisposable
{
    private readonly FileStream _stream;

    private CaseLock(FileStream stream) => _stream = stream;

    public static CaseLock Take(string caseDirectory)
    {
        var path = Path.Combine(caseDirectory, CaseFileNames.Lock);
        try
        {
            return new CaseLock(PrivateFiles.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ShodoException(new Diagnostic(ExitCode.CaseBusy, Messages.Get("CaseBusy", caseDirectory)), e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
