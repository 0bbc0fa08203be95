using System.Net;

namespace Shodo.Investigation.Identities;

/// <summary>Source "addresses" that are AWS itself (a service name, "AWS Internal"): never pivoted on.</summary>
public static class AwsAddresses
{
    public static bool IsActorAddress(string? sourceIp) =>
        sourceIp is not null && IPAddress.TryParse(sourceIp, out _);
}
