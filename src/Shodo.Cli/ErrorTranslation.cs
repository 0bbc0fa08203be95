using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli;

/// <summary>
/// Turns exceptions that are not <see cref="ShodoException"/> into diagnostics. Expected failures
/// from the platform (unreachable endpoint, cancelled I/O, missing files) get their own sentence;
/// anything else is an unexpected failure.
/// </summary>
public static class ErrorTranslation
{
    public static Diagnostic Translate(Exception e) => e switch
    {
        HttpRequestException http => new Diagnostic(ExitCode.Unreachable, Messages.Get("Unreachable", http.Message)),
        DirectoryNotFoundException or FileNotFoundException => new Diagnostic(ExitCode.Failure, Messages.Get("FileNotFound", e.Message)),
        UnauthorizedAccessException => new Diagnostic(ExitCode.Failure, Messages.Get("FilePermission", e.Message)),
        _ => new Diagnostic(ExitCode.Failure, Messages.Get("UnexpectedError", e.Message)),
    };
}
