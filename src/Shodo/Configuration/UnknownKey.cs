namespace Shodo.Configuration;

/// <summary>A key no reader asked for: <see cref="Name"/> at <see cref="Line"/>, in <see cref="Where"/> (<c>escalation.levels[]</c>), where <see cref="Known"/> mean something.</summary>
public sealed record UnknownKey(string Name, int Line, string Where, IReadOnlyList<string> Known);
