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

    /// <summary>
    /// The rules as one query over <paramref name="table"/>. Over an organisation trail's table
    /// (<paramref name="organizationTable"/>, <see cref="OrganizationTrailTable"/>) each match also says its account, and the window
    /// reads only its days' partitions.
    /// </summary>
    public SqlCompilation Compile(IEnumerable<SigmaRule> rules, string table, DateTimeOffset? since = null, DateTimeOffset? until = null,
        bool organizationTable = false)
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
        if (organizationTable) where.AddRange(OrganizationTrailTable.DaysOf(since, until));
        var filter = where.Count == 0 ? "" : "\nWHERE " + string.Join(" AND ", where);
        var matched = dialect.MatchedRules(compiled.Select(c => (c.Rule.Id, c.Predicate)).ToList());
        var columns = string.Join(", ", organizationTable ? [.. OutputColumns, OrganizationTrailTable.AccountColumn] : OutputColumns);
        var query = compiled.Count == 0
            ? $"SELECT NULL AS {RuleColumn} WHERE FALSE"
            : dialect.Select(matched, RuleColumn, columns, table, filter);
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
        FieldDetection field => Values(Column(field.Field.Name), field.Values, field.MatchAll),
        KeywordDetection keywords => Values(new SqlListField(dialect.RecordTexts()), keywords.Values, keywords.MatchAll),
        _ => throw new SqlUnsupportedException($"detection {node.GetType().Name} is not compiled"),
    };

    private SqlField Column(string name) =>
        CloudTrailTableLayout.Column(name, dialect, out var why) ?? throw new SqlUnsupportedException(why!);

    private string Values(SqlField field, IReadOnlyList<SigmaValue> values, bool matchAll)
    {
        if (values.Count == 0) return "FALSE";
        return "(" + string.Join(matchAll ? " AND " : " OR ", values.Select(v => Value(field, v))) + ")";
    }

    /// <summary>One rule value against a field: true when any of the field's values matches (never NULL).</summary>
    private string Value(SqlField field, SigmaValue value) => value switch
    {
        SigmaNull when field is SqlScalarField s => $"(NOT {s.Present})",
        SigmaNull => $"(NOT {Present(field)} OR {Any(field, t => $"({t} IS NULL)")})",
        SigmaExists e => e.Exists ? Present(field) : $"(NOT {Present(field)})",
        SigmaExpansion x => "(" + string.Join(" OR ", x.Alternatives.Select(a => Value(field, a))) + ")",
        SigmaFieldRef r => Any(field, t => Any(Column(r.Field.Name), other => Reference(t, other, r))),
        _ => Any(field, t => Test(t, value)),
    };

    /// <summary>The field has a value that is not null.</summary>
    private string Present(SqlField field) => field switch
    {
        SqlScalarField s => s.Present,
        _ => Any(field, t => $"({t} IS NOT NULL)"),
    };

    /// <summary>True when <paramref name="test"/> holds for one of the field's values (NULL counts as false).</summary>
    private string Any(SqlField field, Func<string, string> test)
    {
        switch (field)
        {
            case SqlScalarField s:
                return $"COALESCE({test(s.Scalar)}, FALSE)";
            case SqlListField l:
                var variable = $"x{++_variables}";
                return dialect.AnyMatch(l.Texts, variable, $"COALESCE({test(variable)}, FALSE)");
            default:
                throw new SqlUnsupportedException($"field {field} is not compiled");
        }
    }

    private int _variables;

    /// <summary><c>fieldref</c>: the value compared with the other field's value, case-insensitive unless cased.</summary>
    private static string Reference(string value, string other, SigmaFieldRef r)
    {
        var (a, b) = r.Cased ? (value, other) : ($"lower({value})", $"lower({other})");
        return r.Comparison switch
        {
            FieldRefComparison.StartsWith => $"(strpos({a}, {b}) = 1)",
            FieldRefComparison.EndsWith => $"(strpos(reverse({a}), reverse({b})) = 1)",
            FieldRefComparison.Contains => $"(strpos({a}, {b}) > 0)",
            _ => $"({a} = {b})",
        };
    }

    private string Test(string column, SigmaValue value) => value switch
    {
        SigmaString s => Text(column, s),
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
