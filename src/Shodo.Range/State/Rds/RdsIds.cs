using System.Security.Cryptography;
using System.Text;

namespace Shodo.Range.State.Rds;

/// <summary>Identifiers in RDS's style: upper-case alphanumerics for resource ids, lower for endpoints.</summary>
internal static class RdsIds
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(int length) => RandomNumberGenerator.GetString(Upper, length);

    public static string Stable(string seed, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return string.Concat(Enumerable.Range(0, length).Select(i => Lower[hash[i] % Lower.Length]));
    }
}
