using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>Builds EC2 response elements: values in AWS's formats, lists as <c>&lt;xSet&gt;&lt;item&gt;</c>.</summary>
public static class Ec2Xml
{
    /// <summary>An element with a formatted value, or null (left out) when the value is null.</summary>
    public static XElement? V(string name, object? value) => value switch
    {
        null => null,
        bool b => new XElement(name, b ? "true" : "false"),
        DateTimeOffset t => new XElement(name, Time(t)),
        IFormattable f => new XElement(name, f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new XElement(name, value.ToString()),
    };

    public static XElement E(string name, params object?[] content) => new(name, content);

    /// <summary><c>&lt;name&gt;&lt;item&gt;...&lt;/item&gt;...&lt;/name&gt;</c>, one item per element of <paramref name="items"/>.</summary>
    public static XElement Set<T>(string name, IEnumerable<T> items, Func<T, object?[]> item) =>
        new(name, items.Select(i => new XElement("item", item(i))));

    public static XElement TagSet(IEnumerable<Tag> tags) =>
        Set("tagSet", tags, t => [V("key", t.Key), V("value", t.Value)]);

    public static XElement Return(bool value = true) => V("return", value)!;

    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static XElement InstanceState(string name, string state) =>
        E(name, V("code", InstanceStates.Code(state)), V("name", state));
}
