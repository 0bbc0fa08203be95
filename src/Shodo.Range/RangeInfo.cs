namespace Shodo.Range;

/// <summary>Facts about the simulated account that the range serves.</summary>
public static class RangeInfo
{
    /// <summary>The account id the range serves unless a scenario says otherwise.</summary>
    public const string DefaultAccountId = "111122223333";
}
