using System.Globalization;
using System.Security.Cryptography;

namespace Shodo.Cases;

/// <summary>
/// Case ids sort by the time the case was opened and are unique without coordination:
/// <c>2026-11-28T1423Z-k3x9q2</c> (UTC minute, then six random characters).
/// </summary>
public static class CaseId
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New(DateTimeOffset openedAt) =>
        openedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HHmm'Z'", CultureInfo.InvariantCulture) + "-" +
        RandomNumberGenerator.GetString(Alphabet, 6);
}
