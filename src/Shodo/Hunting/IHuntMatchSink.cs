namespace Shodo.Hunting;

/// <summary>Where matches go as they are found; called from several files' readers at once.</summary>
public interface IHuntMatchSink
{
    void Write(HuntMatch match);
}
