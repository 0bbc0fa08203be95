using Microsoft.AspNetCore.Http;

namespace Shodo.Range.Serving;

/// <summary>
/// An incoming AWS request after authentication, independent of ASP.NET: what a service needs to
/// resolve and serve an operation. <see cref="Parameters"/> merges the query string and, for Query
/// protocols, the form body (AWS accepts both).
/// </summary>
public sealed class AwsRequest
{
    public required string Method { get; init; }
    /// <summary>The unescaped path, e.g. <c>/my-bucket/some/key</c>.</summary>
    public required string Path { get; init; }
    public required IReadOnlyDictionary<string, string> Query { get; init; }
    public required IHeaderDictionary Headers { get; init; }
    public required byte[] Body { get; init; }
    /// <summary>Signing name from the credential scope: iam, sts, ec2, s3, cloudtrail, rds.</summary>
    public required string Service { get; init; }
    /// <summary>Region from the credential scope.</summary>
    public required string Region { get; init; }
    /// <summary>Query and form parameters together (Query and EC2 protocols); empty for others.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    /// <summary>The account the range serves (for building resource ARNs in <c>Resolve</c>).</summary>
    public string AccountId { get; init; } = RangeInfo.DefaultAccountId;
    /// <summary>The account's partition (set by the dispatcher from the state): <c>arn:PARTITION:...</c>.</summary>
    public string Partition { get; set; } = State.RangePartitions.Aws;
    public string SourceIp { get; init; } = "127.0.0.1";
    public string UserAgent { get; init; } = "";

    /// <summary>The same request to another account of the organisation (its ARNs built in that account).</summary>
    public AwsRequest ForAccount(string accountId) => new()
    {
        Method = Method, Path = Path, Query = Query, Headers = Headers, Body = Body, Service = Service, Region = Region,
        Parameters = Parameters, AccountId = accountId, SourceIp = SourceIp, UserAgent = UserAgent,
    };

    public string? Param(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    public string RequiredParam(string name) =>
        Param(name) ?? throw AwsError.MissingParameter(name);
}
