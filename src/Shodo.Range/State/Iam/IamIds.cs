using System.Security.Cryptography;

namespace Shodo.Range.State.Iam;

/// <summary>Identifiers shaped as AWS shapes them: a four-letter prefix and 16 or 17 base32 characters.</summary>
public static class IamIds
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>A long-term key id of <paramref name="accountId"/>: AWS encodes the account in the id (GetAccessKeyInfo decodes it).</summary>
    public static string AccessKeyId(string accountId) => "AKIA" + KeyBody(accountId);

    /// <summary>A temporary (session) key id of <paramref name="accountId"/>.</summary>
    public static string TemporaryAccessKeyId(string accountId) => "ASIA" + KeyBody(accountId);
    public static string UserId() => "AIDA" + Random(Base32, 17);
    public static string RoleId() => "AROA" + Random(Base32, 17);
    public static string GroupId() => "AGPA" + Random(Base32, 17);
    public static string PolicyId() => "ANPA" + Random(Base32, 17);
    public static string SecretAccessKey() => Random(SecretAlphabet, 40);
    public static string SessionToken() => "IQoJb3JpZ2luX2Vj" + Random(SecretAlphabet, 340);

    /// <summary>
    /// 16 base32 characters (80 bits) whose first 48 bits hold the account id shifted left by 7 over 7
    /// random bits, as AWS key ids do since 2019: a mistyped character near the end keeps the account, one
    /// near the start names another. <see cref="Services.Sts.GetAccessKeyInfo.Decode"/> reads it back.
    /// </summary>
    private static string KeyBody(string accountId)
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        var prefix = (ulong.Parse(accountId, System.Globalization.CultureInfo.InvariantCulture) << 7) | (uint)(bytes[5] & 0x7f);
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(prefix >> (8 * (5 - i)));
        var text = new System.Text.StringBuilder(16);
        for (var bit = 0; bit < 80; bit += 5)
        {
            var value = 0;
            for (var b = bit; b < bit + 5; b++) value = (value << 1) | ((bytes[b / 8] >> (7 - b % 8)) & 1);
            text.Append(Base32[value]);
        }
        return text.ToString();
    }

    public static string Random(string alphabet, int length) =>
        RandomNumberGenerator.GetString(alphabet, length);
}
