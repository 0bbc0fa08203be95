namespace Shodo.Containment.Reads;

/// <summary>
/// The AWS managed policy AWSDenyAll as a principal's read state records it: whether it is attached
/// (<see cref="StateField"/>), which containment's deny falls back to when the inline policies are full.
/// </summary>
public static class DenyAllPolicy
{
    public const string Arn = "arn:aws:iam::aws:policy/AWSDenyAll";
    public const string StateField = "denyAllAttached";
}
