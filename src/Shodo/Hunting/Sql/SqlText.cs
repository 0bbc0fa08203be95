using System.Text;

namespace Shodo.Hunting.Sql;

/// <summary>SQL literals from rule text (which may come from anyone's rule file): quoted, never spliced.</summary>
public static class SqlText
{
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A LIKE pattern (with ESCAPE '\') from literal text: %, _ and \ escaped.</summary>
    public static string LikeLiteral(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\') b.Append('\\');
            b.Append(c);
        }
        return b.ToString();
    }
}
