namespace Shodo.Diagnostics;

/// <summary>
/// An expected failure: the CLI prints <see cref="Diagnostic"/> and exits with its code, never a
/// stack trace. Throw subclasses of this for anything a user can cause or fix.
/// </summary>
public class ShodoException : Exception
{
    public ShodoException(Diagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.Summary, inner) => Diagnostic = diagnostic;

    public Diagnostic Diagnostic { get; }
}
