using System.Buffers;

namespace Shodo.Cases.Redaction;

/// <summary>
/// Redaction of free text (XML, credentials files, form bodies, log lines, JSON that does not parse):
/// every rule's secret fields as text patterns, then every rule's own text patterns. Text holding
/// none of the rules' trigger words (the common case) is returned at once.
/// </summary>
internal sealed class TextRedaction
{
    private readonly IReadOnlyList<IRedactionRule> _rules;
    private readonly SecretFields _fields;
    private readonly SearchValues<string> _triggers;

    public TextRedaction(IReadOnlyList<IRedactionRule> rules)
    {
        _rules = rules;
        _fields = new SecretFields(rules.SelectMany(r => r.SecretFields));
        _triggers = SearchValues.Create([.. _fields.Triggers.Concat(rules.SelectMany(r => r.TextTriggers)).Distinct()], StringComparison.OrdinalIgnoreCase);
    }

    public Redacted<string> Redact(string text)
    {
        if (text.AsSpan().IndexOfAny(_triggers) < 0) return new(text, 0);
        var result = _fields.RedactText(text);
        var count = result.Count;
        text = result.Value;
        foreach (var rule in _rules)
        {
            var r = rule.RedactText(text);
            text = r.Value;
            count += r.Count;
        }
        return new(text, count);
    }
}
