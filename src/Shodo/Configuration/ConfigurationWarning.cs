namespace Shodo.Configuration;

/// <summary>
/// Something in the configuration that does not stop the command: <see cref="Text"/> (<c>file:line: problem</c>,
/// with the nearest known key when there is one) and <see cref="Consequence"/> (what Shodo does about it).
/// Under <c>--strict</c> it is an error.
/// </summary>
public sealed record ConfigurationWarning(string Text, string Consequence);
