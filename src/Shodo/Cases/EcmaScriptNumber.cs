using System.Globalization;
using System.Text;

namespace Shodo.Cases;

/// <summary>
/// ECMAScript's Number::toString for finite doubles (ECMA-262 §6.1.6.1.20), which RFC 8785 uses for
/// numbers: the shortest digits that round-trip, decimal notation for exponents in [-6, 21), otherwise
/// <c>d.ddde±n</c>.
/// </summary>
internal static class EcmaScriptNumber
{
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), "JSON has no NaN or Infinity.");
        if (value == 0) return "0";
        var negative = value < 0;
        // .NET's "R" gives the shortest round-trip digits, e.g. "1.2345E-07" or "123.45".
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var point = r.IndexOf('.');
        var intPart = point >= 0 ? r[..point] : r;
        var fracPart = point >= 0 ? r[(point + 1)..] : "";
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        // value = 0.digits × 10^n  (n as in ECMA-262: position of the decimal point)
        var n = intPart.Length - leadingZeros + exponent;
        digits = digits.TrimEnd('0');
        var k = digits.Length;

        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (k <= n && n <= 21) sb.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21) sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0) sb.Append("0.").Append('0', -n).Append(digits);
        else
        {
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1));
        }
        return sb.ToString();
    }
}
