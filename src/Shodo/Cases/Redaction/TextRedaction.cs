namespace Shodo.Cases.Redaction;

/// <summary>
/// Redaction of free text (XML, credentials files, form bodies, log lines, JSON that does not
/// parse): every rule's secret fields as text patterns, then every rule's own text patterns.
/// </summary>
internal sealed class TextRedaction(IReadOnlyList<IRedactionRule> rules)
{
    private readonly IReadOnlyList<SecretField> _fields =
        rules.SelectMany(r => r.SecretFields).Distinct(StringComparer.OrdinalIgnoreCase).Select(f => new SecretField(f)).ToList();

    public Redacted<string> Redact(string text)
    {
        var count = 0;
        foreach (var field in _fields)
        {
            var r = field.RedactText(text);
            text = r.Value;
            count += r.Count;
        }
        foreach (var rule in rules)
        {
            var r = rule.RedactText(text);
            text = r.Value;
            count += r.Count;
        }
        return new(text, count);
    }
}
