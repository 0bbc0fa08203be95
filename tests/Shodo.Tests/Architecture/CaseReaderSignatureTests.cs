using System.Reflection;
using Shodo.Cases;
using Shodo.Drill;

namespace Shodo.Tests.Architecture;

/// <summary>
/// What reads a case takes the case (<see cref="Case"/>, or <see cref="CaseFolder"/> when it reads without the lock),
/// never a directory string: the escalation history, the steps a resume skips, the recorded starting point, the case
/// summary, the journal and the drill's scorers. Only what opens, writes or verifies the folder itself takes its path.
/// Read by reflection over the public surface of Shodo and Shodo.Drill.
/// </summary>
public sealed class CaseReaderSignatureTests
{
    /// <summary>Opens, locks, writes or verifies the folder as files: the path is what they are about.</summary>
    private static readonly HashSet<string> TakesThePath = new(StringComparer.Ordinal)
    {
        "Case.Load", "Case.Open", "CaseFolder.At", "CaseLock.Take", "CaseVerifier.Verify", "JournalChain.Walk",
        "CaseFileNames.Full", "CaseDocuments..ctor", "AckInbox..ctor", "ReportBuilder.WriteAsync", "CoverageFile.Write",
        "SigmaRuleSet.Load", // a folder of rules, not a case
    };

    private static readonly string[] PathNames = ["caseDirectory", "caseDir", "directory", "folder"];

    [Fact]
    public void No_public_reader_of_a_case_takes_a_directory_string()
    {
        var offenders = new[] { typeof(Case).Assembly, typeof(DrillScorecard).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>().Concat(t.GetConstructors())
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(string) && PathNames.Contains(p.Name, StringComparer.Ordinal)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Where(name => !TakesThePath.Contains(name))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "Readers that take a directory string instead of a Case or CaseFolder:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_readers_the_issue_names_take_a_case_folder()
    {
        foreach (var (type, method) in new[]
                 {
                     (typeof(JournalReader), nameof(JournalReader.Read)),
                     (typeof(CaseSummary), nameof(CaseSummary.Read)),
                     (typeof(Shodo.Escalation.Acknowledgement.EscalationHistory), nameof(Shodo.Escalation.Acknowledgement.EscalationHistory.Read)),
                     (typeof(Shodo.Response.ResponseRunner), nameof(Shodo.Response.ResponseRunner.FinishedSteps)),
                     (typeof(Shodo.Response.ResponseStartingPoint), nameof(Shodo.Response.ResponseStartingPoint.Recorded)),
                     (typeof(DrillScorecard), nameof(DrillScorecard.Score)),
                     (typeof(DrillTriage), nameof(DrillTriage.Read)),
                     (typeof(DrillHonesty), nameof(DrillHonesty.ScoreAsync)),
                 })
            Assert.All(type.GetMethods().Where(m => m.Name == method),
                m => Assert.Contains(m.GetParameters(), p => p.ParameterType == typeof(CaseFolder)));
    }
}
