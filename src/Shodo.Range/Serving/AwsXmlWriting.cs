using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Shodo.Range.Serving;

/// <summary>
/// How AWS writes an XML answer holding characters XML 1.0 cannot carry (an attacker's ESC or BEL in a
/// tag value or an object key): as character references, <c>&amp;#x1B;</c>, and a carriage return as
/// <c>&amp;#xD;</c> so it survives parsing. Strict parsers (the AWS CLI's, the SDKs') refuse such an
/// answer, against AWS as against the range; a lenient one reads the value back whole. Writing never
/// fails on content: one hostile value must not turn a whole region's answer into InternalError.
/// </summary>
public static class AwsXmlWriting
{
    private static XmlWriterSettings Settings(bool declaration) => new()
    {
        Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = !declaration,
        CheckCharacters = false, NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>The element as text, without declaration.</summary>
    public static string Text(XElement root)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, Settings(declaration: false))) root.WriteTo(writer);
        return text.ToString();
    }

    /// <summary>The document as UTF-8 bytes, with its declaration.</summary>
    public static byte[] Bytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings(declaration: true))) document.Save(writer);
        return buffer.ToArray();
    }
}
