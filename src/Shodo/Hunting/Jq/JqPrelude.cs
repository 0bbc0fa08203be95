namespace Shodo.Hunting.Jq;

/// <summary>
/// The definitions every compiled filter starts with: the local engine's field-path walk and value text
/// in jq (see <c>Shodo.Sigma.Matching.FieldPath</c> and <c>RecordValue</c>).
/// </summary>
public static class JqPrelude
{
    public const string Text = """
        # The text a rule value compares with: a string as is, numbers and booleans as JSON text,
        # objects and arrays as compact JSON, null as null.
        def _t: if type == "string" then . elif type == "null" then null else tojson end;
        # A final value: an array gives each element and itself.
        def _fin: if type == "array" then (.[], .) else . end;
        # Every value at the path $k (segments) from segment $i: arrays are crossed (elements that are
        # objects or arrays walked on), a key containing dots ("a.b") is tried beside the nested path.
        def _walk($k; $i):
          if $i == ($k | length) then _fin
          elif type == "array" then .[] | select(type == "object" or type == "array") | _walk($k; $i)
          elif type == "object" then
            . as $o | range(($k | length) - 1; $i - 1; -1) as $j | ($k[$i:$j + 1] | join(".")) as $key
            | select($o | has($key)) | $o[$key] | _walk($k; $j + 1)
          else empty end;
        # Every string, number and boolean of the record (what keywords search), as text.
        def _leaves: .. | select(type == "string" or type == "number" or type == "boolean") | _t;
        # The records in what jq reads: a trail file ({"Records":[...]}), an array, or one record per value.
        def _records: if type == "object" and has("Records") then .Records[] elif type == "array" then .[] else . end;

        """;
}
