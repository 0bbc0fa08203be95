namespace Shodo.Hunting.Sql;

/// <summary>
/// DuckDB over the table <see cref="DuckDbCloudTrailTable"/> builds. Paths inside the JSON text columns
/// are walked key by key with list functions, crossing one level of array at each key (as Trino's lax
/// mode does); keywords read every leaf of the record's JSON (<c>json_tree</c> over <c>recordjson</c>).
/// </summary>
public sealed class DuckDbSqlDialect() : SqlDialect("duckdb")
{
    public override string JsonPathTexts(string column, IReadOnlyList<string> keys)
    {
        var items = $"[{column}::JSON]";
        foreach (var key in keys)
        {
            var unwrapped = $"flatten(list_transform({items}, v -> CASE WHEN json_type(v) = 'ARRAY' THEN json_extract(v, '$[*]') ELSE [v] END))";
            items = $"list_filter(list_transform({unwrapped}, v -> json_extract(v, {SqlText.Quote(Path([key]))})), v -> v IS NOT NULL)";
        }
        var withElements = $"flatten(list_transform({items}, v -> CASE WHEN json_type(v) = 'ARRAY' THEN list_prepend(v, json_extract(v, '$[*]')) ELSE [v] END))";
        // Most values sit at the plain path (no array on the way) and are scalars: one lookup, no walk.
        var path = SqlText.Quote(Path(keys));
        return $"CASE WHEN json_type({column}, {path}) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN') THEN [json_extract_string({column}, {path})]"
            + $" ELSE list_transform({withElements}, v -> {Text("v")}) END";
    }

    private static string Text(string json) =>
        $"CASE json_type({json}) WHEN 'NULL' THEN NULL WHEN 'VARCHAR' THEN json_extract_string({json}, '$') ELSE {json}::VARCHAR END";

    public override string StructArrayTexts(string column, string member) => $"list_transform({column}, r -> r.{member})";

    public override string RecordTexts() =>
        $"(SELECT list({Text("t.value")}) FROM json_tree({DuckDbCloudTrailTable.RecordColumn}) t WHERE t.type NOT IN ('OBJECT', 'ARRAY', 'NULL'))";

    public override string AnyMatch(string list, string variable, string predicate) =>
        $"COALESCE(len(list_filter({list}, {variable} -> {predicate})) > 0, FALSE)";

    public override string RegexMatch(string expression, string pattern) => $"regexp_matches({expression}, {pattern})";

    public override string MatchedRules(IReadOnlyList<(string Id, string Predicate)> rules) =>
        $"list_filter([\n    {Cases(rules)}], x -> x IS NOT NULL)";

    public override string Select(string matched, string ruleColumn, string columns, string table, string filter) =>
        $"SELECT * FROM (SELECT unnest({matched}) AS {ruleColumn}, {columns}\nFROM {table}{filter}) WHERE {ruleColumn} IS NOT NULL";
}
