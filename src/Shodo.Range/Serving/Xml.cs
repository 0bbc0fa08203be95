using System.Globalization;
using System.Xml.Linq;

namespace Shodo.Range.Serving;

/// <summary>Terse construction of unqualified result elements (the dispatcher adds the namespace).</summary>
public static class Xml
{
    /// <summary>An element, or null (skipped by XElement) when the value is null.</summary>
    public static XElement? E(string name, object? value) => value switch
    {
        null => null,
        DateTimeOffset d => new XElement(name, Date(d)),
        bool b => new XElement(name, b ? "true" : "false"),
        IFormattable f => new XElement(name, f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new XElement(name, value),
    };

    /// <summary>A list in the Query protocol's shape: &lt;name&gt;&lt;member&gt;...&lt;/member&gt;&lt;/name&gt;.</summary>
    public static XElement Members(string name, IEnumerable<object?> members) =>
        new(name, members.Select(m => new XElement("member", m)));

    /// <summary>ISO 8601 in UTC as AWS writes timestamps in XML.</summary>
    public static string Date(DateTimeOffset d) =>
        d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
