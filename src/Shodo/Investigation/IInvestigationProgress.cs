namespace Shodo.Investigation;

/// <summary>What the CLI shows while an investigation runs.</summary>
public interface IInvestigationProgress
{
    /// <summary>A step began: resolve, lookup, log-files, chain, detections, impact, write.</summary>
    void Step(string step, string detail);

    /// <summary>A source finished a region or a location, with the records it read.</summary>
    void SourceRead(string source, int records, int gaps);

    public static IInvestigationProgress None { get; } = new Silent();

    private sealed class Silent : IInvestigationProgress
    {
        public void Step(string step, string detail) { }
        public void SourceRead(string source, int records, int gaps) { }
    }
}
