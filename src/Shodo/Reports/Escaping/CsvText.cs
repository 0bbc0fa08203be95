using System.Text;

namespace Shodo.Reports.Escaping;

/// <summary>
/// One CSV cell (RFC 4180) that a spreadsheet shows as text: a value starting with <c>= + - @</c>,
/// a tab or a carriage return (or their full-width forms) is prefixed with <c>'</c> so it is never a
/// formula (OWASP CSV injection); quotes are doubled and the cell is quoted when needed.
/// </summary>
public static class CsvText
{
    public static string Cell(string? text)
    {
        var value = text ?? "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠')
            value = "'" + value;
        value = VisibleText.Of(value);
        var quote = value.IndexOfAny([',', '"', '\n', '\r']) >= 0;
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>A cell we produce ourselves from a number: written as is, so a spreadsheet reads a number.</summary>
    public static string Number(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void AppendRow(StringBuilder sb, IEnumerable<string?> cells) => sb.Append(Row(cells)).Append("\r\n");
}
