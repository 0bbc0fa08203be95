namespace Shodo.Range.State.Ec2;

/// <summary>Everything EC2 holds for the account, as saved to and loaded from the range's state file.</summary>
public sealed record Ec2AccountData(
    Dictionary<string, string> OptInStatus, Ec2Timings Timings, List<Ec2Region> Regions);
