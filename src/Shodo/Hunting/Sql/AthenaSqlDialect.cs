namespace Shodo.Hunting.Sql;

/// <summary>
/// Trino SQL as Amazon Athena (engine version 3) runs it. Paths inside the JSON text columns use the
/// SQL/JSON path language in lax mode (<c>json_query ... WITH ARRAY WRAPPER</c>), whose member accessor
/// unwraps arrays and skips items without the member: the local engine's "any element" walk.
/// </summary>
public sealed class AthenaSqlDialect() : SqlDialect("athena")
{
    public override string JsonPathTexts(string column, IReadOnlyList<string> keys)
    {
        var path = Path(keys);
        string Items(string p) =>
            $"COALESCE(CAST(json_parse(json_query({column}, {SqlText.Quote("lax " + p)} WITH ARRAY WRAPPER)) AS ARRAY(JSON)), CAST(ARRAY[] AS ARRAY(JSON)))";
        // The value itself, then (for a final array) its elements: lax [*] on a non-array is the item again, a harmless duplicate.
        return $"transform({Items(path)} || {Items(path + "[*]")}, v -> IF(is_json_scalar(v), json_extract_scalar(v, '$'), json_format(v)))";
    }

    public override string StructArrayTexts(string column, string member) => $"transform({column}, r -> r.{member})";

    /// <summary>
    /// Athena has no whole-record text: the scalar columns and struct members, then the JSON columns as
    /// their JSON text (so a keyword there can also meet a key name or an escaped character).
    /// </summary>
    public override string RecordTexts() =>
        "ARRAY[" + string.Join(", ", CloudTrailTableLayout.TextColumns.Concat(CloudTrailTableLayout.JsonColumns.Values)) + "]"
        + " || COALESCE(flatten(transform(resources, r -> ARRAY[r.arn, r.accountid, r.type])), CAST(ARRAY[] AS ARRAY(VARCHAR)))";

    public override string AnyMatch(string list, string variable, string predicate) =>
        $"COALESCE(any_match({list}, {variable} -> {predicate}), FALSE)";

    public override string RegexMatch(string expression, string pattern) => $"regexp_like({expression}, {pattern})";

    public override string MatchedRules(IReadOnlyList<(string Id, string Predicate)> rules) =>
        $"filter(ARRAY[\n    {Cases(rules)}], x -> x IS NOT NULL)";

    public override string Select(string matched, string ruleColumn, string columns, string table, string filter) =>
        $"SELECT m.{ruleColumn}, {columns}\nFROM {table}\nCROSS JOIN UNNEST({matched}) AS m({ruleColumn}){filter}";
}
