using System.Globalization;

namespace Shodo.Escalation.Settings;

/// <summary>The language a target reads its messages in: <c>en</c> or <c>ja</c>.</summary>
public static class TargetLanguage
{
    public const string English = "en";
    public const string Japanese = "ja";

    public static bool IsKnown(string code) => code is English or Japanese;

    public static CultureInfo Culture(string code) =>
        CultureInfo.GetCultureInfo(code == Japanese ? "ja-JP" : "en-US");
}
