namespace Shodo.Cases;

/// <summary>
/// A problem <see cref="CaseVerifier"/> found: the file (relative to the case folder, '/' separators),
/// the 1-based line when the problem is in a line, and a one-sentence description in the user's language.
/// </summary>
public sealed record CaseFinding(string Path, int? Line, string Problem)
{
    public override string ToString() => Problem;
}
