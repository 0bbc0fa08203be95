using System.Text.RegularExpressions;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// One Describe* filter. A resource matches when any of its values for the filter's name matches
/// any of the filter's values (<c>*</c> and <c>?</c> are wildcards); all filters must match.
/// </summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public bool Matches(IEnumerable<string?> resourceValues) =>
        resourceValues.Any(v => v is not null && Values.Any(p => Like(v, p)));

    private static bool Like(string value, string pattern) =>
        !pattern.Contains('*') && !pattern.Contains('?')
            ? value == pattern
            : Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
                RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>
    /// Keeps the items that match every filter. <paramref name="valuesOf"/> gives an item's values
    /// for a filter name, or null when the resource has no such filter; tag filters (<c>tag:Key</c>,
    /// <c>tag-key</c>, <c>tag-value</c>) are handled here for every resource.
    /// </summary>
    public static IEnumerable<T> Apply<T>(IEnumerable<T> items, IReadOnlyList<Ec2Filter> filters,
        Func<T, string, IEnumerable<string?>?> valuesOf, Func<T, string> resourceId, TagStore tags)
    {
        var list = items.ToList();
        foreach (var filter in filters)
        {
            list = list.Where(item => filter.Matches(Values(item, filter.Name)
                ?? throw new AwsError("InvalidParameterValue", $"The filter '{filter.Name}' is invalid"))).ToList();
        }
        return list;

        IEnumerable<string?>? Values(T item, string name) =>
            name.StartsWith("tag:", StringComparison.Ordinal)
                ? tags.Of(resourceId(item)).Where(t => t.Key == name[4..]).Select(t => t.Value)
                : name switch
                {
                    "tag-key" => tags.Of(resourceId(item)).Select(t => t.Key),
                    "tag-value" => tags.Of(resourceId(item)).Select(t => t.Value),
                    _ => valuesOf(item, name),
                };
    }
}
