namespace Shodo.Evidence;

/// <summary>
/// What the runner reports as it goes, lane by lane (<see cref="CollectionRunner.GlobalLane"/> or a
/// region name). Called from many tasks at once: implementations must be thread-safe.
/// </summary>
public interface ICollectionProgress
{
    void LaneStarted(string lane, int collectors);
    void CollectorFinished(string lane, string collector, int blobs, int gaps);
    void LaneFinished(string lane, int blobs, int gaps);
}

/// <summary>Reports nothing.</summary>
public sealed class NoCollectionProgress : ICollectionProgress
{
    public static NoCollectionProgress Instance { get; } = new();
    public void LaneStarted(string lane, int collectors) { }
    public void CollectorFinished(string lane, string collector, int blobs, int gaps) { }
    public void LaneFinished(string lane, int blobs, int gaps) { }
}
