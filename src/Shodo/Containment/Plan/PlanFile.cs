using System.Text.Json;
using Shodo.Cases;
using Shodo.Diagnostics;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Containment.Plan;

/// <summary>plan.json in the case folder: written through the case's documents (journaled with its SHA-256), read back with its hash.</summary>
public static class PlanFile
{
    public const string Name = "plan.json";

    public static async Task<string> WriteAsync(Case @case, ContainmentPlan plan, CancellationToken ct)
    {
        var record = await @case.Documents.WriteJsonAsync(Name, InvestigationFiles.ToNode(plan), ContainmentJournalKinds.Producer, ct).ConfigureAwait(false);
        return record.Sha256;
    }

    /// <summary>The plan and the SHA-256 of its bytes; refuses when there is none.</summary>
    public static (ContainmentPlan Plan, string Sha256) Read(Case @case)
    {
        var bytes = @case.Documents.Read(Name)
            ?? throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainNoPlan", @case.Directory)));
        var plan = JsonSerializer.Deserialize<ContainmentPlan>(bytes, InvestigationFiles.Json)!;
        return (plan, ContentHash.Sha256(bytes));
    }
}
