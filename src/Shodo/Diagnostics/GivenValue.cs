namespace Shodo.Diagnostics;

/// <summary>A value the user gave, shown back in a message: cut after 40 characters, with how long it was.</summary>
public static class GivenValue
{
    public const int Shown = 40;

    public static string Shorten(string given) =>
        given.Length <= Shown ? given : string.Concat(given.AsSpan(0, Shown), $"… ({given.Length} characters)");
}
