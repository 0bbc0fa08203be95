using Shodo.Containment.Record;
using Shodo.Escalation.Record;

namespace Shodo.Tests.Architecture;

/// <summary>
/// A feature's journal entries are read back by the feature that writes them, not by Reports: what containment did
/// is Containment/Record's (<see cref="ContainmentFacts"/>, <see cref="RecordedAction"/>), who escalation told is
/// Escalation/Record's (<see cref="EscalationLog"/>). Reports/Facts keeps only the shapes a report alone states.
/// </summary>
public sealed class JournalReaderPlacementTests
{
    [Theory]
    [InlineData(typeof(ContainmentFacts), "Shodo.Containment.Record")]
    [InlineData(typeof(ContainmentCheck), "Shodo.Containment.Record")]
    [InlineData(typeof(ApprovalFacts), "Shodo.Containment.Record")]
    [InlineData(typeof(RecordedAction), "Shodo.Containment.Record")]
    [InlineData(typeof(EscalationLog), "Shodo.Escalation.Record")]
    [InlineData(typeof(EscalationMessage), "Shodo.Escalation.Record")]
    [InlineData(typeof(EscalationAcknowledgement), "Shodo.Escalation.Record")]
    public void A_journal_reader_lives_with_the_feature_that_writes_the_entries(Type type, string feature) =>
        Assert.Equal(feature, type.Namespace);

    [Fact]
    public void Reports_facts_declare_no_reader_of_another_features_journal()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shodo.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var facts = Path.Combine(dir.FullName, "src", "Shodo", "Reports", "Facts");
        var files = Directory.EnumerateFiles(facts, "*.cs").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.DoesNotContain(files, n => n is "EscalationReader" or "ContainmentReader" or "EscalationLog" or "ContainmentFacts" or "RecordedAction");
    }
}
