using System.Text.RegularExpressions;

namespace Shodo.Aws;

/// <summary>
/// What an AWS region name looks like (us-east-1, ap-northeast-1, us-gov-west-1, eu-central-2): two
/// letters, one or more words, a number; at most 32 characters. A region becomes part of every endpoint's
/// host name, so anything else (a shell fragment, 5,000 characters) is refused before it is used.
/// </summary>
public static partial class AwsRegionName
{
    public const int MaxLength = 32;

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
