using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Shodo.Aws.Protocols;

/// <summary>Reading AWS XML answers: namespaces removed on load, then plain child lookups.</summary>
public static class Xml
{
    /// <summary>
    /// No DTDs. Characters XML 1.0 cannot carry are read, not refused: AWS writes an attacker's ESC or BEL
    /// (in a tag value, an object key) as <c>&amp;#x1B;</c>, and a strict reader would lose the whole answer,
    /// every instance of the region with it. Whoever shows such a value escapes it for the medium.
    /// </summary>
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CheckCharacters = false };

    public static XElement Load(byte[] body)
    {
        using var reader = XmlReader.Create(new MemoryStream(body), Safe);
        var root = XElement.Load(reader);
        foreach (var e in root.DescendantsAndSelf())
        {
            e.Name = e.Name.LocalName;
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        }
        return root;
    }

    public static XElement? Child(this XElement e, string name) => e.Element(name);

    public static string? Text(this XElement e, string name) => e.Element(name)?.Value;

    public static string Required(this XElement e, string name) => e.Element(name)?.Value ?? "";

    public static bool Bool(this XElement e, string name) =>
        string.Equals(e.Element(name)?.Value, "true", StringComparison.OrdinalIgnoreCase);

    public static int? Int(this XElement e, string name) =>
        int.TryParse(e.Element(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static DateTimeOffset? Date(this XElement e, string name) =>
        DateTimeOffset.TryParse(e.Element(name)?.Value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var v) ? v : null;

    /// <summary>The items of a list field: <c>&lt;Name&gt;&lt;member&gt;..&lt;/member&gt;&lt;/Name&gt;</c>.</summary>
    public static IEnumerable<XElement> Items(this XElement e, string name, string member = "member") =>
        e.Element(name)?.Elements(member) ?? [];

    public static IReadOnlyList<string> Strings(this XElement e, string name, string member = "member") =>
        e.Items(name, member).Select(i => i.Value).ToList();

    /// <summary>IAM policy documents come URL-encoded (RFC 3986) inside the XML.</summary>
    public static string? PolicyDocument(this XElement e, string name) =>
        e.Text(name) is { } encoded ? Uri.UnescapeDataString(encoded) : null;

    public static IReadOnlyDictionary<string, string> Tags(this XElement e, string name = "Tags", string member = "member")
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in e.Items(name, member)) tags[t.Required("Key")] = t.Required("Value");
        return tags;
    }
}
