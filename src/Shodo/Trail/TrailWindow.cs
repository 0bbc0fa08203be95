namespace Shodo.Trail;

/// <summary>The time range an event source is asked for; open ends are the source's own limits.</summary>
public sealed record TrailWindow(DateTimeOffset? Since, DateTimeOffset? Until)
{
    public bool Contains(DateTimeOffset time) => (Since is null || time >= Since) && (Until is null || time <= Until);
}
