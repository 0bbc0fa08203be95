namespace Shodo.Hunting.Sql;

/// <summary>
/// Where compiled rules run: Amazon Athena (Trino SQL) over the CloudTrail table AWS documents, or
/// DuckDB over the same layout (to test the SQL locally and to benchmark it). One method per construct
/// whose spelling differs; the compiler never asks which dialect it has.
/// </summary>
public abstract class SqlDialect(string name)
{
    public static SqlDialect Athena { get; } = new AthenaSqlDialect();
    public static SqlDialect DuckDb { get; } = new DuckDbSqlDialect();

    public string Name { get; } = name;

    /// <summary>
    /// Every value at <paramref name="keys"/> inside the JSON text <paramref name="column"/>, as a list of
    /// texts: arrays met on the way are crossed (each element that is an object is walked on), a final
    /// array gives itself and each element; strings unquoted, numbers and booleans as their JSON text,
    /// objects and arrays as compact JSON, JSON null as NULL. Empty when the path is missing.
    /// </summary>
    public abstract string JsonPathTexts(string column, IReadOnlyList<string> keys);

    /// <summary>The member <paramref name="member"/> of every struct in the array column <paramref name="column"/>, as a list.</summary>
    public abstract string StructArrayTexts(string column, string member);

    /// <summary>Every string, number and boolean of the record, as a list of texts (what keywords search).</summary>
    public abstract string RecordTexts();

    /// <summary>True when <paramref name="predicate"/> (over <paramref name="variable"/>) holds for an element of <paramref name="list"/>; never NULL.</summary>
    public abstract string AnyMatch(string list, string variable, string predicate);

    public abstract string RegexMatch(string expression, string pattern);

    /// <summary>Every (rule id, record) pair in one scan: the ids of the rules whose predicate holds, unnested.</summary>
    public abstract string MatchedRules(IReadOnlyList<(string Id, string Predicate)> rules);

    /// <summary>The query: one row per (rule id in <paramref name="matched"/>, record) with <paramref name="columns"/>.</summary>
    public abstract string Select(string matched, string ruleColumn, string columns, string table, string filter);

    /// <summary>A JSON path naming <paramref name="keys"/> (each double-quoted) from the root.</summary>
    protected static string Path(IEnumerable<string> keys) => "$" + string.Concat(keys.Select(k => $".\"{k}\""));

    protected static string Cases(IReadOnlyList<(string Id, string Predicate)> rules) =>
        string.Join(",\n    ", rules.Select(r => $"CASE WHEN {r.Predicate} THEN {SqlText.Quote(r.Id)} END"));

    public override string ToString() => Name;
}
