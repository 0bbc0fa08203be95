using Shodo.Aws.Protocols;

namespace Shodo.Aws.S3Control;

/// <summary>
/// Where an S3 Control request for an account goes: the model's host prefix <c>{AccountId}.</c> in front of
/// <c>s3-control.{region}.amazonaws.com</c> (<c>.com.cn</c> in China), or in front of the host of an endpoint override
/// (<c>http://111122223333.127.0.0.1:PORT/</c>, which <see cref="EndpointHostPrefixes"/> dials). Signed as <c>s3</c>.
/// </summary>
public static class S3ControlEndpoint
{
    public static ServiceEndpoint For(string accountId, string region, Uri? endpointOverride)
    {
        if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
            throw new ArgumentException($"'{accountId}' is not an AWS account id (12 digits).", nameof(accountId));
        if (endpointOverride is not null)
            return new(new UriBuilder(endpointOverride) { Host = $"{accountId}.{endpointOverride.Host}", Path = "/" }.Uri, "s3", region);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new(new Uri($"https://{accountId}.s3-control.{region}.{suffix}/"), "s3", region);
    }
}
