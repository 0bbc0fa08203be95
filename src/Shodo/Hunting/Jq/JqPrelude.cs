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
        # An IPv4 address in dotted-quad text as its four bytes, else null.
        def _ipv4: if test("\\A[0-9]{1,3}(\\.[0-9]{1,3}){3}\\z") then (split(".") | map(tonumber) | if all(.[]; . <= 255) then . else null end) else null end;
        def _hex4: if test("\\A[0-9a-fA-F]{1,4}\\z") then (ascii_downcase | explode | reduce .[] as $c (0; . * 16 + (if $c >= 97 then $c - 87 else $c - 48 end))) else null end;
        def _group: if test("\\.") then (_ipv4 | if . == null then null else (.[0] * 256 + .[1]), (.[2] * 256 + .[3]) end) else _hex4 end;
        # An IPv6 address (with "::", an IPv4 tail, a zone) as its eight 16-bit groups, else null.
        def _ipv6:
          if (contains(":") | not) then null else
            (sub("%.*$"; "") | split("::")) as $h
            | if ($h | length) > 2 then null else
                ($h | map(if . == "" then [] else [split(":")[] | _group] end)) as $g
                | if any($g[][]; . == null) then null
                  elif ($h | length) == 1 then (if ($g[0] | length) == 8 then $g[0] else null end)
                  elif ($g[0] | length) + ($g[1] | length) > 7 then null
                  else $g[0] + [range(8 - ($g[0] | length) - ($g[1] | length)) | 0] + $g[1] end
              end
          end;
        # The IPv4 address of a text: dotted quad, or an IPv4-mapped IPv6 address (::ffff:a.b.c.d).
        def _ipv4any: _ipv4 // (_ipv6 | if . != null and .[0:6] == [0, 0, 0, 0, 0, 65535]
          then [(.[6] / 256 | floor), (.[6] % 256), (.[7] / 256 | floor), (.[7] % 256)] else null end);
        # The records in what jq reads: a trail file ({"Records":[...]}), an array, or one record per value.
        def _records: if type == "object" and has("Records") then .Records[] elif type == "array" then .[] else . end;

        """;
}
