namespace Shodo.Hunting.Sql;

/// <summary>
/// Where compiled rules run: Amazon Athena (Trino SQL) over the CloudTrail table AWS documents, or
/// DuckDB over the same layout (to test the SQL locally and to benchmark it).
/// </summary>
public sealed record SqlDialect(string Name)
{
    public static SqlDialect Athena { get; } = new("athena");
    public static SqlDialect DuckDb { get; } = new("duckdb");

    /// <summary>The scalar at a JSON path in a JSON text column; NULL for objects, arrays and JSON null.</summary>
    public string JsonScalar(string column, string path) => this == Athena
        ? $"json_extract_scalar({column}, '{path}')"
        : $"(CASE WHEN json_type({column}, '{path}') IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string({column}, '{path}') END)";

    /// <summary>True when the JSON path exists and is not JSON null (objects and arrays count).</summary>
    public string JsonPresent(string column, string path) => this == Athena
        ? $"(json_extract({column}, '{path}') IS NOT NULL AND json_format(json_extract({column}, '{path}')) <> 'null')"
        : $"(json_type({column}, '{path}') IS NOT NULL AND json_type({column}, '{path}') <> 'NULL')";

    public string RegexMatch(string expression, string pattern) => this == Athena
        ? $"regexp_like({expression}, {pattern})"
        : $"regexp_matches({expression}, {pattern})";

    /// <summary>Every (rule id, record) pair in one scan: the ids of the rules whose predicate holds, unnested.</summary>
    public string MatchedRules(IReadOnlyList<(string Id, string Predicate)> rules)
    {
        var cases = string.Join(",\n    ", rules.Select(r => $"CASE WHEN {r.Predicate} THEN {SqlText.Quote(r.Id)} END"));
        return this == Athena
            ? $"filter(ARRAY[\n    {cases}], x -> x IS NOT NULL)"
            : $"list_filter([\n    {cases}], x -> x IS NOT NULL)";
    }
}
