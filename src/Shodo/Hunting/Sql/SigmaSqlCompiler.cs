using System.Globalization;
using Shodo.Sigma;
using Shodo.Sigma.Conditions;
using Shodo.Sigma.Detection;
using Shodo.Sigma.Values;

namespace Shodo.Hunting.Sql;

/// <summary>
/// Compiles Sigma rules to SQL predicates with the local engine's meaning: values case-insensitive
/// unless <c>cased</c>, wildcards as LIKE, <c>null</c> as a missing or null field, numbers and booleans
/// compared by their text, and every leaf made two-valued (a missing field is false, never unknown,
/// so <c>not</c> agrees with the local engine).
/// </summary>
public sealed class SigmaSqlCompiler(SqlDialect dialect)
{
    public const string RuleColumn = "rule_id";

    public static readonly string[] OutputColumns =
        ["eventid", "eventtime", "eventname", "eventsource", "awsregion", "sourceipaddress", "useridentity.arn AS principalarn"];

    public SqlCompilation Compile(IEnumerable<SigmaRule> rules, string table, DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var compiled = new List<(SigmaRule Rule, string Predicate)>();
        var rejected = new List<(SigmaRule, string)>();
        foreach (var rule in rules)
        {
            try { compiled.Add((rule, Predicate(rule))); }
            catch (SqlUnsupportedException e) { rejected.Add((rule, e.Message)); }
        }
        var where = new List<string>();
        if (since is { } s) where.Add($"eventtime >= {SqlText.Quote(s.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}");
        if (until is { } u) where.Add($"eventtime < {SqlText.Quote(u.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}");
        var filter = where.Count == 0 ? "" : "\nWHERE " + string.Join(" AND ", where);
        var matched = dialect.MatchedRules(compiled.Select(c => (c.Rule.Id, c.Predicate)).ToList());
        var columns = string.Join(", ", OutputColumns);
        var query = compiled.Count == 0
            ? $"SELECT NULL AS {RuleColumn} WHERE FALSE"
            : dialect == SqlDialect.Athena
                ? $"SELECT m.{RuleColumn}, {columns}\nFROM {table}\nCROSS JOIN UNNEST({matched}) AS m({RuleColumn}){filter}"
                : $"SELECT * FROM (SELECT unnest({matched}) AS {RuleColumn}, {columns}\nFROM {table}{filter}) WHERE {RuleColumn} IS NOT NULL";
        return new SqlCompilation(query, compiled.Select(c => c.Rule).ToList(), rejected);
    }

    /// <summary>The rule's condition as one SQL boolean expression.</summary>
    public string Predicate(SigmaRule rule)
    {
        if (rule.Detection.Timeframe is not null) throw new SqlUnsupportedException("rules with a timeframe are not compiled");
        return Condition(rule.Detection.Condition, rule.Detection);
    }

    private string Condition(ConditionNode node, SigmaDetection detection) => node switch
    {
        ConditionIdentifier id => Search(detection.Searches[id.Name]),
        ConditionAnd and => "(" + string.Join(" AND ", and.Operands.Select(o => Condition(o, detection))) + ")",
        ConditionOr or => "(" + string.Join(" OR ", or.Operands.Select(o => Condition(o, detection))) + ")",
        ConditionNot not => $"(NOT {Condition(not.Operand, detection)})",
        ConditionSelector { IsAll: true } all => Join(" AND ", all.Identifiers.Select(i => Search(detection.Searches[i])), "TRUE"),
        ConditionSelector { Count: 1 } one => Join(" OR ", one.Identifiers.Select(i => Search(detection.Searches[i])), "FALSE"),
        ConditionSelector some => "((" + string.Join(" + ", some.Identifiers.Select(i => $"CASE WHEN {Search(detection.Searches[i])} THEN 1 ELSE 0 END")) + $") >= {some.Count})",
        _ => throw new SqlUnsupportedException($"condition {node} is not compiled"),
    };

    private static string Join(string op, IEnumerable<string> parts, string empty)
    {
        var list = parts.ToList();
        return list.Count == 0 ? empty : "(" + string.Join(op, list) + ")";
    }

    private string Search(DetectionNode node) => node switch
    {
        DetectionAllOf all => Join(" AND ", all.Items.Select(Search), "TRUE"),
        DetectionAnyOf any => Join(" OR ", any.Items.Select(Search), "FALSE"),
        FieldDetection field => Field(field),
        KeywordDetection => throw new SqlUnsupportedException("keyword (full-text) searches are not compiled"),
        _ => throw new SqlUnsupportedException($"detection {node.GetType().Name} is not compiled"),
    };

    private string Field(FieldDetection field)
    {
        var column = CloudTrailTableLayout.Column(field.Field.Name, dialect, out var why)
                     ?? throw new SqlUnsupportedException(why!);
        if (field.Values.Count == 0) return field.MatchAll ? "FALSE" : "FALSE";
        var tests = field.Values.Select(v => $"COALESCE({Value(column, v)}, FALSE)").ToList();
        return "(" + string.Join(field.MatchAll ? " AND " : " OR ", tests) + ")";
    }

    private string Value(SqlField field, SigmaValue value) => value switch
    {
        SigmaNull => $"(NOT {field.Present})",
        SigmaExists e => e.Exists ? field.Present : $"(NOT {field.Present})",
        _ => Value(field.Scalar, value),
    };

    private string Value(string column, SigmaValue value) => value switch
    {
        SigmaString s => Text(column, s),
        SigmaNull => $"({column} IS NULL)",
        SigmaExists e => e.Exists ? $"({column} IS NOT NULL)" : $"({column} IS NULL)",
        SigmaBool b => $"(lower({column}) = '{(b.Value ? "true" : "false")}')",
        SigmaNumber n => $"(lower({column}) = {SqlText.Quote(n.Text.ToLowerInvariant())} OR TRY_CAST({column} AS DOUBLE) = {Number(n.Value)})",
        SigmaCompare c => $"(TRY_CAST({column} AS DOUBLE) {Operator(c.Operator)} {Number(c.Value)})",
        SigmaRegex r => dialect.RegexMatch(column, SqlText.Quote(Flags(r) + r.Pattern)),
        _ => throw new SqlUnsupportedException($"value {value} ({value.GetType().Name}) is not compiled"),
    };

    private static string Text(string column, SigmaString s)
    {
        var subject = s.Cased ? column : $"lower({column})";
        string Lower(string t) => s.Cased ? t : t.ToLowerInvariant();
        if (!s.HasWildcards) return $"({subject} = {SqlText.Quote(Lower(s.Literal))})";
        var pattern = string.Concat(s.Parts.Select(p => p switch
        {
            LiteralPart l => SqlText.LikeLiteral(Lower(l.Text)),
            AnyCharactersPart => "%",
            _ => "_",
        }));
        return $"({subject} LIKE {SqlText.Quote(pattern)} ESCAPE '\\')";
    }

    private static string Flags(SigmaRegex r)
    {
        var flags = (r.IgnoreCase ? "i" : "") + (r.Multiline ? "m" : "") + (r.DotAll ? "s" : "");
        return flags.Length == 0 ? "" : $"(?{flags})";
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Operator(CompareOperator op) => op switch
    {
        CompareOperator.LessThan => "<",
        CompareOperator.LessThanOrEqual => "<=",
        CompareOperator.GreaterThan => ">",
        _ => ">=",
    };
}
