namespace Shodo.Diagnostics;

/// <summary>
/// The process exit codes of <c>shodo</c>. Documented in README.md; scripts depend on them, so
/// a value never changes meaning once released.
/// </summary>
public enum ExitCode
{
    /// <summary>Everything asked for was done.</summary>
    Success = 0,
    /// <summary>An unexpected failure; the message says what failed.</summary>
    Failure = 1,
    /// <summary>The command line was wrong: unknown option, missing argument, bad value.</summary>
    Usage = 2,
    /// <summary>Done, but something is left uncontained or unseen (coverage gaps, failed steps).</summary>
    Incomplete = 3,
    /// <summary>No usable AWS credentials, or the credentials were rejected.</summary>
    NoCredentials = 4,
    /// <summary>AWS refused the call (AccessDenied / UnauthorizedOperation).</summary>
    AccessDenied = 5,
    /// <summary>AWS kept throttling, or failing on its side (5xx, transient codes), after every retry: run again later or resume.</summary>
    Throttled = 6,
    /// <summary>The AWS endpoint could not be reached.</summary>
    Unreachable = 7,
    /// <summary>A case failed verification: the journal or evidence was altered.</summary>
    CaseTampered = 8,
    /// <summary>The case is in use by another shodo process.</summary>
    CaseBusy = 9,
    /// <summary>A change was refused by the never-delete interlock.</summary>
    Refused = 10,
    /// <summary>The access key is another account's, or no trace of it was found in this account: no case was opened.</summary>
    KeyNotInAccount = 11,
    /// <summary>Interrupted (Ctrl+C or SIGTERM) at a safe point; what was recorded is in the case, and the command resumes.</summary>
    Interrupted = 130,
}
