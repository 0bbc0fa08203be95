namespace Shodo.Sigma.Modifiers;

/// <summary><c>all</c>: every value of the list must match, instead of any.</summary>
public sealed class AllModifier : SigmaModifier
{
    public override string Name => "all";

    public override void Configure(DetectionItemOptions options) => options.MatchAll = true;
}
