using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Escalation.Acknowledgement;

/// <summary>The name given with <c>--by</c>: trimmed, 1–100 characters, no control characters.</summary>
public static class AckName
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) =>
        name is not null && name.Trim().Length is > 0 and <= MaxLength && !name.Any(char.IsControl);

    public static string Check(string? name) => IsValid(name)
        ? name!.Trim()
        : throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("EscalationAckBadName", MaxLength)));
}
