using System.Globalization;
using System.Xml.Linq;
using Shodo.Localization;

namespace Shodo.Tests.Localization;

public class MessagesTests
{
    private static string ResourcesFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "Shodo", "Resources"));

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(ResourcesFolder(), file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Every_english_message_has_a_japanese_translation_and_vice_versa()
    {
        var en = Keys("Messages.resx");
        var ja = Keys("Messages.ja.resx");
        Assert.Empty(en.Except(ja));
        Assert.Empty(ja.Except(en));
    }

    [Fact]
    public void Japanese_culture_gets_japanese_text()
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            Assert.Contains("認証情報", Messages.Get("NoCredentials"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Contains("credentials", Messages.Get("NoCredentials"));
        }
        finally { CultureInfo.CurrentUICulture = saved; }
    }
}
