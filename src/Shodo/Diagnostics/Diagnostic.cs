namespace Shodo.Diagnostics;

/// <summary>
/// An error a user can hit, as Terraform shows them: a one-sentence summary that says what to do,
/// an optional detail, and the exit code it maps to. Summaries are already localised.
/// </summary>
public sealed record Diagnostic(ExitCode Code, string Summary, string? Detail = null);
