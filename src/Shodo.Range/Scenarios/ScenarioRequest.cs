using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Shodo.Range.Serving;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Builds the <see cref="AwsRequest"/> a client would send for <c>service:Operation</c> with
/// parameters: Query and EC2 parameters as given (<c>TagSpecification.1.ResourceType</c>...), a JSON
/// body for CloudTrail, and for S3 the method, path and subresource of the operation
/// (parameters <c>Bucket</c>, <c>Key</c>, <c>Body</c>, as the SDKs name them).
/// </summary>
public static class ScenarioRequest
{
    private static readonly Dictionary<string, string> QueryVersions = new(StringComparer.Ordinal)
    {
        ["iam"] = "2010-05-08", ["sts"] = "2011-06-15", ["ec2"] = "2016-11-15", ["rds"] = "2014-10-31",
    };

    public static AwsRequest Build(IAwsService service, string operation, IReadOnlyDictionary<string, object?> parameters,
        string region, string accountId, string sourceIp, string userAgent)
    {
        var headers = new HeaderDictionary { ["User-Agent"] = userAgent };
        return service.Protocol switch
        {
            AwsProtocol.Json => Json(service, operation, parameters, region, accountId, sourceIp, userAgent, headers),
            AwsProtocol.RestJson => RestJson(service, operation, parameters, region, accountId, sourceIp, userAgent, headers),
            AwsProtocol.RestXml => S3(service, operation, parameters, region, accountId, sourceIp, userAgent, headers),
            _ => Query(service, operation, parameters, region, accountId, sourceIp, userAgent, headers),
        };
    }

    private static AwsRequest Query(IAwsService service, string operation, IReadOnlyDictionary<string, object?> parameters,
        string region, string accountId, string sourceIp, string userAgent, HeaderDictionary headers)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["Action"] = operation };
        if (QueryVersions.TryGetValue(service.Name, out var version)) all["Version"] = version;
        foreach (var (name, value) in parameters) all[name] = Scalar(name, value);
        headers["Host"] = service.IsGlobal ? $"{service.Name}.amazonaws.com" : $"{service.Name}.{region}.amazonaws.com";
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        return Request("POST", "/", new Dictionary<string, string>(), headers, [], service.Name, region, all,
            accountId, sourceIp, userAgent);
    }

    private static AwsRequest Json(IAwsService service, string operation, IReadOnlyDictionary<string, object?> parameters,
        string region, string accountId, string sourceIp, string userAgent, HeaderDictionary headers)
    {
        var body = new JsonObject();
        foreach (var (name, value) in parameters) body[name] = JsonOf(value);
        headers["X-Amz-Target"] = service.Name switch
        {
            "cloudtrail" => Services.CloudTrail.CloudTrailService.TargetPrefix + operation,
            "organizations" => Services.Organizations.OrganizationsService.TargetPrefix + operation,
            "kms" => Services.Kms.KmsService.TargetPrefix + operation,
            _ => operation,
        };
        headers["Host"] = $"{service.Name}.{region}.amazonaws.com";
        headers["Content-Type"] = "application/x-amz-json-1.1";
        return Request("POST", "/", new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(body.ToJsonString()),
            service.Name, region, new Dictionary<string, string>(), accountId, sourceIp, userAgent);
    }

    private static AwsRequest RestJson(IAwsService service, string operation, IReadOnlyDictionary<string, object?> parameters,
        string region, string accountId, string sourceIp, string userAgent, HeaderDictionary headers)
    {
        var body = new JsonObject();
        foreach (var (name, value) in parameters) body[name] = JsonOf(value);
        headers["Host"] = $"{service.Name}.{region}.amazonaws.com";
        headers["Content-Type"] = "application/json";
        return Request("POST", "/" + operation.ToLowerInvariant(), new Dictionary<string, string>(), headers,
            Encoding.UTF8.GetBytes(body.ToJsonString()), service.Name, region, new Dictionary<string, string>(), accountId,
            sourceIp, userAgent);
    }

    private static AwsRequest S3(IAwsService service, string operation, IReadOnlyDictionary<string, object?> parameters,
        string region, string accountId, string sourceIp, string userAgent, HeaderDictionary headers)
    {
        string? Get(string name) => parameters.TryGetValue(name, out var v) && v is not null ? Scalar(name, v) : null;
        var bucket = Get("Bucket");
        var key = Get("Key");
        var (method, subresource) = operation switch
        {
            "ListBuckets" => ("GET", null),
            "CreateBucket" => ("PUT", null),
            "HeadBucket" => ("HEAD", null),
            "ListObjects" => ("GET", null),
            "ListObjectsV2" => ("GET", "list-type"),
            "GetObject" => ("GET", null),
            "HeadObject" => ("HEAD", null),
            "PutObject" => ("PUT", null),
            "GetBucketPolicy" or "PutBucketPolicy" => (operation.StartsWith("Get") ? "GET" : "PUT", "policy"),
            "GetBucketAcl" => ("GET", "acl"),
            "GetPublicAccessBlock" => ("GET", "publicAccessBlock"),
            "PutPublicAccessBlock" => ("PUT", "publicAccessBlock"),
            "GetBucketVersioning" => ("GET", "versioning"),
            "GetBucketTagging" => ("GET", "tagging"),
            "GetBucketLocation" => ("GET", "location"),
            _ => throw new ScenarioException($"Scenarios cannot yet call s3:{operation}"),
        };
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (subresource is not null) query[subresource] = subresource == "list-type" ? "2" : "";
        if (Get("Prefix") is { } prefix) query["prefix"] = prefix;
        var path = bucket is null ? "/" : key is null ? $"/{bucket}" : $"/{bucket}/{key}";
        headers["Host"] = bucket is null ? $"s3.{region}.amazonaws.com" : $"{bucket}.s3.{region}.amazonaws.com";
        var body = Get("Body") is { } content ? Encoding.UTF8.GetBytes(content) : [];
        return Request(method, path, query, headers, body, service.Name, region, new Dictionary<string, string>(),
            accountId, sourceIp, userAgent);
    }

    private static AwsRequest Request(string method, string path, Dictionary<string, string> query, HeaderDictionary headers,
        byte[] body, string service, string region, Dictionary<string, string> parameters, string accountId,
        string sourceIp, string userAgent) => new()
    {
        Method = method, Path = path, Query = query, Headers = headers, Body = body, Service = service,
        Region = region, Parameters = parameters, AccountId = accountId, SourceIp = sourceIp, UserAgent = userAgent,
    };

    private static string Scalar(string name, object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ScenarioException($"Parameter {name} must be a single value for a Query service"),
    };

    private static JsonNode? JsonOf(object? value) => value switch
    {
        null => null,
        IDictionary<object, object> map => new JsonObject(map.Select(p =>
            new KeyValuePair<string, JsonNode?>(p.Key.ToString()!, JsonOf(p.Value)))),
        IDictionary<string, object?> map => new JsonObject(map.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, JsonOf(p.Value)))),
        IEnumerable<object> list when value is not string => new JsonArray(list.Select(JsonOf).ToArray()),
        string s when s is "true" or "false" => JsonValue.Create(s == "true"),
        string s when int.TryParse(s, out var n) && n.ToString() == s && s.Length < 10 => JsonValue.Create(n),
        _ => JsonValue.Create(value.ToString()),
    };
}
