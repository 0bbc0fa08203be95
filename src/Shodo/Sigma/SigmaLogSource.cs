namespace Shodo.Sigma;

/// <summary>A rule's <c>logsource:</c> (<c>product: aws</c>, <c>service: cloudtrail</c>).</summary>
public sealed record SigmaLogSource(string? Product, string? Service, string? Category)
{
    public static SigmaLogSource None { get; } = new(null, null, null);

    /// <summary>True for rules written for CloudTrail records (product aws, service cloudtrail or unset).</summary>
    public bool IsCloudTrail =>
        string.Equals(Product, "aws", StringComparison.OrdinalIgnoreCase)
        && (Service is null || string.Equals(Service, "cloudtrail", StringComparison.OrdinalIgnoreCase));
}
