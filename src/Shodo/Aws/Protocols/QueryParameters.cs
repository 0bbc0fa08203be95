using System.Globalization;

namespace Shodo.Aws.Protocols;

/// <summary>
/// The form fields of one Query-protocol request, serialised as botocore does: lists as
/// <c>Name.member.N</c> (or the model's locationName), structures as <c>Name.Field</c>, booleans
/// as <c>true</c>/<c>false</c>, timestamps in ISO 8601. Null values are left out.
/// </summary>
public sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public QueryParameters Add(string name, string? value)
    {
        if (value is not null) _fields.Add(new(name, value));
        return this;
    }

    public QueryParameters Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryParameters Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryParameters Add(string name, DateTimeOffset? value) =>
        Add(name, value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    public QueryParameters AddList(string name, IEnumerable<string>? values, string member = "member")
    {
        if (values is null) return this;
        var i = 0;
        foreach (var v in values) Add($"{name}.{member}.{++i}", v);
        return this;
    }

    /// <summary>A list of Key/Value structures (IAM and EC2 tags, RDS filters use their own names).</summary>
    public QueryParameters AddPairs(string name, IEnumerable<KeyValuePair<string, string>>? pairs,
        string keyName = "Key", string valueName = "Value", string member = "member")
    {
        if (pairs is null) return this;
        var i = 0;
        foreach (var (k, v) in pairs)
        {
            i++;
            Add($"{name}.{member}.{i}.{keyName}", k);
            Add($"{name}.{member}.{i}.{valueName}", v);
        }
        return this;
    }

    public string? Get(string name) => _fields.LastOrDefault(f => f.Key == name).Value;
}
