using System.Security.Cryptography;

namespace Shodo.Range.State.Iam;

/// <summary>Identifiers shaped as AWS shapes them: a four-letter prefix and 16 or 17 base32 characters.</summary>
public static class IamIds
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string AccessKeyId() => "AKIA" + Random(Base32, 16);
    public static string TemporaryAccessKeyId() => "ASIA" + Random(Base32, 16);
    public static string UserId() => "AIDA" + Random(Base32, 17);
    public static string RoleId() => "AROA" + Random(Base32, 17);
    public static string GroupId() => "AGPA" + Random(Base32, 17);
    public static string PolicyId() => "ANPA" + Random(Base32, 17);
    public static string SecretAccessKey() => Random(SecretAlphabet, 40);
    public static string SessionToken() => "IQoJb3JpZ2luX2Vj" + Random(SecretAlphabet, 340);

    public static string Random(string alphabet, int length) =>
        RandomNumberGenerator.GetString(alphabet, length);
}
