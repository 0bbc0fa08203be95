namespace Shodo.Cases.Redaction;

/// <summary>
/// One kind of secret that must never reach the case folder. A rule names the fields whose value is
/// the secret (matched in JSON properties, XML elements and attributes, and <c>name = value</c> /
/// <c>name: value</c> text, ignoring case, <c>_</c>, <c>-</c> and spaces), and may recognise the
/// secret in free text. Adding a rule is one new class plus one line in <see cref="RedactionRules"/>.
/// </summary>
public interface IRedactionRule
{
    /// <summary>Field names whose whole value is secret, e.g. <c>SecretAccessKey</c>.</summary>
    IReadOnlyList<string> SecretFields { get; }

    /// <summary>
    /// Substrings (compared ignoring case) at least one of which every match of <see cref="RedactText"/>
    /// contains; text with none of them skips the rules' text patterns. A rule with its own text
    /// patterns must list them.
    /// </summary>
    IReadOnlyList<string> TextTriggers => [];

    /// <summary>Replaces the secrets this rule recognises in free text with <see cref="Redactor.Marker"/>.</summary>
    Redacted<string> RedactText(string text) => new(text, 0);
}

/// <summary>A value after redaction and how many secrets were replaced in it.</summary>
public readonly record struct Redacted<T>(T Value, int Count);
