using System.Globalization;
using System.Text.RegularExpressions;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// Reads EC2 Query parameters: flattened lists (<c>InstanceId.1</c>), structures
/// (<c>Filter.1.Name</c>, <c>Filter.1.Value.1</c>) and tag specifications.
/// </summary>
public sealed class Ec2Params(IReadOnlyDictionary<string, string> parameters)
{
    public IReadOnlyDictionary<string, string> All => parameters;

    public string? Get(string name) => parameters.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) => Get(name) ?? throw AwsError.MissingParameter(name);

    public bool? Bool(string name) => Get(name) is { } v ? string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) : null;

    public int? Int(string name)
    {
        if (Get(name) is not { } v) return null;
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : throw AwsError.InvalidParameterValue($"Invalid value '{v}' for {name}");
    }

    /// <summary>The values of <c>prefix.1</c>, <c>prefix.2</c>... in index order.</summary>
    public List<string> List(string prefix) =>
        Indexed(prefix, rest => rest.Length == 0).Select(p => parameters[p]).ToList();

    /// <summary>The member prefixes of a list of structures: <c>Filter.1</c>, <c>Filter.2</c>...</summary>
    public List<string> Members(string prefix) => Indexed(prefix, rest => rest.StartsWith('.'))
        .Select(k => k[..(prefix.Length + 1 + k[(prefix.Length + 1)..].TakeWhile(char.IsAsciiDigit).Count())])
        .Distinct().ToList();

    private IEnumerable<string> Indexed(string prefix, Func<string, bool> restMatches)
    {
        var pattern = new Regex("^" + Regex.Escape(prefix) + @"\.(\d+)(.*)$", RegexOptions.CultureInvariant);
        return parameters.Keys
            .Select(k => (Key: k, Match: pattern.Match(k)))
            .Where(x => x.Match.Success && restMatches(x.Match.Groups[2].Value))
            .OrderBy(x => int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture))
            .Select(x => x.Key);
    }

    public List<Ec2Filter> Filters() => Members("Filter")
        .Select(m => new Ec2Filter(Required(m + ".Name"), List(m + ".Value")))
        .ToList();

    /// <summary><c>{prefix}.N.Key</c> / <c>{prefix}.N.Value</c> pairs.</summary>
    public List<Tag> Tags(string prefix = "Tag") => Members(prefix)
        .Select(m => new Tag(Required(m + ".Key"), Get(m + ".Value") ?? ""))
        .ToList();

    /// <summary>The tags a TagSpecification gives resources of one type.</summary>
    public List<Tag> TagsFor(string resourceType, string prefix = "TagSpecification") => Members(prefix)
        .Where(m => Get(m + ".ResourceType") == resourceType)
        .SelectMany(m => Tags(m + ".Tag"))
        .ToList();

    public void RejectUnknownTagSpecifications(IReadOnlyCollection<string> allowed, string prefix = "TagSpecification")
    {
        foreach (var m in Members(prefix))
        {
            var type = Get(m + ".ResourceType") ?? throw AwsError.MissingParameter(m + ".ResourceType");
            if (!allowed.Contains(type))
                throw new AwsError("InvalidParameterValue",
                    $"'{type}' is not a valid taggable resource type for this operation.");
        }
    }
}
