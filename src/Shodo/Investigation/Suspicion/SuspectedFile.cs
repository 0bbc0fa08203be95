using Shodo.Cases;
using Shodo.Investigation.Model;

namespace Shodo.Investigation.Suspicion;

/// <summary>suspected.json: the targets the recorded state strongly suggests are the attacker's (<see cref="SuspectedTarget"/>), for the planner.</summary>
public static class SuspectedFile
{
    public const string Name = "suspected.json";
    public const string Format = "shodo-suspected/1";

    public static Task<DocumentRecord> WriteAsync(Case @case, IReadOnlyList<SuspectedTarget> suspected, CancellationToken ct) =>
        InvestigationFiles.WriteAsync(@case, Name, Format, "suspected", suspected, ct);

    public static IReadOnlyList<SuspectedTarget> Read(CaseFolder folder) =>
        InvestigationFiles.ReadList<SuspectedTarget>(folder, Name, "suspected");
}
