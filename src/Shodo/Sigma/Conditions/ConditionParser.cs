using System.Text.RegularExpressions;

namespace Shodo.Sigma.Conditions;

/// <summary>Parses a condition expression against the rule's search identifiers.</summary>
public sealed partial class ConditionParser
{
    private readonly IReadOnlyCollection<string> _identifiers;
    private readonly List<string> _tokens;
    private int _position;

    private ConditionParser(string text, IReadOnlyCollection<string> identifiers)
    {
        _identifiers = identifiers;
        _tokens = Token().Matches(text).Select(m => m.Value).ToList();
    }

    /// <summary>True when the condition uses an aggregation (<c>| count() ...</c>), which the engine does not evaluate.</summary>
    public static bool HasAggregation(string text) => text.Contains('|');

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static ConditionNode Parse(string text, IReadOnlyCollection<string> identifiers)
    {
        if (HasAggregation(text)) throw new FormatException("aggregations ('|') are not supported");
        var parser = new ConditionParser(text, identifiers);
        if (parser._tokens.Count == 0) throw new FormatException("the condition is empty");
        var node = parser.ParseOr();
        if (parser._position < parser._tokens.Count)
            throw new FormatException($"unexpected '{parser._tokens[parser._position]}' in condition '{text}'");
        return node;
    }

    private ConditionNode ParseOr()
    {
        var operands = new List<ConditionNode> { ParseAnd() };
        while (Accept("or")) operands.Add(ParseAnd());
        return operands.Count == 1 ? operands[0] : new ConditionOr(operands);
    }

    private ConditionNode ParseAnd()
    {
        var operands = new List<ConditionNode> { ParseNot() };
        while (Accept("and")) operands.Add(ParseNot());
        return operands.Count == 1 ? operands[0] : new ConditionAnd(operands);
    }

    private ConditionNode ParseNot() => Accept("not") ? new ConditionNot(ParseNot()) : ParsePrimary();

    private ConditionNode ParsePrimary()
    {
        var token = Next("an identifier, 'not', '(' or 'N of'");
        if (token == "(")
        {
            var inner = ParseOr();
            if (!Accept(")")) throw new FormatException("missing ')'");
            return inner;
        }
        if (token == ")") throw new FormatException("unexpected ')'");
        if (IsKeyword(token, "all") || IsKeyword(token, "any") || int.TryParse(token, out _))
        {
            if (!Accept("of")) throw new FormatException($"expected 'of' after '{token}'");
            var count = IsKeyword(token, "all") ? (int?)null : IsKeyword(token, "any") ? 1 : int.Parse(token);
            if (count is <= 0) throw new FormatException($"'{token} of' needs a positive number");
            var pattern = Next("a pattern or 'them' after 'of'");
            return new ConditionSelector(count, pattern, Resolve(pattern));
        }
        if (IsKeyword(token, "and") || IsKeyword(token, "or") || IsKeyword(token, "of"))
            throw new FormatException($"unexpected '{token}'");
        if (!_identifiers.Contains(token))
            throw new FormatException($"the condition names '{token}', which is not a search identifier in the detection");
        return new ConditionIdentifier(token);
    }

    private List<string> Resolve(string pattern)
    {
        List<string> names;
        if (IsKeyword(pattern, "them"))
            names = _identifiers.Where(i => !i.StartsWith('_')).ToList();
        else
        {
            var glob = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$");
            names = _identifiers.Where(i => glob.IsMatch(i)).ToList();
        }
        if (names.Count == 0) throw new FormatException($"'{pattern}' matches no search identifier");
        return names;
    }

    private bool Accept(string expected)
    {
        if (_position < _tokens.Count && IsKeyword(_tokens[_position], expected)) { _position++; return true; }
        return false;
    }

    private string Next(string expected) => _position < _tokens.Count
        ? _tokens[_position++]
        : throw new FormatException($"the condition ends where {expected} was expected");

    private static bool IsKeyword(string token, string keyword) => string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\(|\)|[^\s()]+")]
    private static partial Regex Token();
}
