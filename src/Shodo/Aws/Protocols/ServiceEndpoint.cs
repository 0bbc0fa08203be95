namespace Shodo.Aws.Protocols;

/// <summary>Where one service's requests go and how they are signed.</summary>
public sealed record ServiceEndpoint(Uri Url, string SigningName, string SigningRegion)
{
    /// <summary>
    /// The endpoint for <paramref name="service"/> in <paramref name="region"/>. With an override
    /// every service goes to that one URL and is signed for the region, as <c>aws --endpoint-url</c>
    /// does. Otherwise the public endpoints: regional <c>name.region.amazonaws.com</c>, and for a
    /// global service (IAM) the partition's global endpoint signed for its home region.
    /// </summary>
    public static ServiceEndpoint For(AwsServiceModel service, string region, Uri? endpointOverride)
    {
        if (endpointOverride is not null) return new(endpointOverride, service.Name, region);
        if (service.Global)
        {
            if (region.StartsWith("cn-", StringComparison.Ordinal))
                return new(new Uri($"https://{service.Name}.cn-north-1.amazonaws.com.cn/"), service.Name, "cn-north-1");
            if (region.StartsWith("us-gov-", StringComparison.Ordinal))
                return new(new Uri($"https://{service.Name}.us-gov.amazonaws.com/"), service.Name, "us-gov-west-1");
            return new(new Uri($"https://{service.Name}.amazonaws.com/"), service.Name, "us-east-1");
        }
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new(new Uri($"https://{service.Name}.{region}.{suffix}/"), service.Name, region);
    }
}
