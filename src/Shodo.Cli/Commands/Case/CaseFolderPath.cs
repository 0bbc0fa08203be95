using Shodo.Cases;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.CaseCommands;

/// <summary>
/// Finds the case folder a command names: the path as given, else a case id under <c>--case-dir</c>
/// (so <c>shodo case show 2026-11-28T1423Z-k3x9q2</c> works from where the case was opened).
/// </summary>
internal static class CaseFolderPath
{
    public static string Resolve(string given, GlobalSettings settings)
    {
        foreach (var candidate in new[] { given, Path.Combine(settings.CaseDir, given) })
        {
            if (!Directory.Exists(candidate)) continue;
            if (File.Exists(Path.Combine(candidate, CaseFileNames.Manifest)) || File.Exists(Path.Combine(candidate, CaseFileNames.Journal)))
                return Path.GetFullPath(candidate);
        }
        throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("CaseNotFound", given)));
    }
}
