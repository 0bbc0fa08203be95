namespace Shodo.Investigation;

/// <summary>What the CLI shows while an investigation runs.</summary>
public interface IInvestigationProgress
{
    /// <summary>A step began: resolve, lookup, log-files, chain, detections, impact, write.</summary>
    void Step(string step, string detail);

    /// <summary>A source finished a region or a location, with the records it read.</summary>
    void SourceRead(string source, int records, int gaps);

    /// <summary>A source (a LookupEvents query) began reading <paramref name="region"/>.</summary>
    void RegionStarted(string source, string region) { }

    /// <summary>A source finished <paramref name="region"/>, with the records it read there and the pages it could not read.</summary>
    void RegionRead(string source, string region, int records, int gaps) { }

    public static IInvestigationProgress None { get; } = new Silent();

    private sealed class Silent : IInvestigationProgress
    {
        public void Step(string step, string detail) { }
        public void SourceRead(string source, int records, int gaps) { }
    }
}
