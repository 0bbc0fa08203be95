namespace Shodo.Range.State.Ec2;

/// <summary>EC2 resource ids in AWS's long format: a prefix and 17 lowercase hex digits.</summary>
public static class Ec2Ids
{
    public static string New(string prefix, int digits = 17)
    {
        Span<char> hex = stackalloc char[digits];
        for (var i = 0; i < digits; i++) hex[i] = "0123456789abcdef"[Random.Shared.Next(16)];
        return $"{prefix}-{hex}";
    }

    /// <summary>Spot request ids are short: <c>sir-</c> and 8 characters.</summary>
    public static string SpotRequest() => New("sir", 8);

    /// <summary>The resource type DescribeTags reports for an id, from its prefix.</summary>
    public static string? ResourceType(string id) => id[..Math.Max(0, id.IndexOf('-'))] switch
    {
        "i" => "instance",
        "vol" => "volume",
        "snap" => "snapshot",
        "sg" => "security-group",
        "key" => "key-pair",
        "sir" => "spot-instances-request",
        "sfr" => "spot-fleet-request",
        "fleet" => "fleet",
        "lt" => "launch-template",
        "vpc" => "vpc",
        "subnet" => "subnet",
        "ami" => "image",
        "r" => "reservation",
        "eni" => "network-interface",
        _ => null,
    };

    public static bool IsWellFormed(string id, string prefix) =>
        id.StartsWith(prefix + "-", StringComparison.Ordinal) && id.Length > prefix.Length + 1
        && id[(prefix.Length + 1)..].All(char.IsAsciiHexDigitLower);
}
