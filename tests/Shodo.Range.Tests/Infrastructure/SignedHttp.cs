using System.Text;
using Shodo.Range.Auth;

namespace Shodo.Range.Tests.Infrastructure;

/// <summary>
/// Raw SigV4-signed HTTP requests to a range, for what the AWS CLI cannot do (tampering, other
/// protocols' services). Signs with the range's SigV4, which the AWS suite verifies.
/// </summary>
public sealed class SignedHttp(Uri endpoint, RangeCredentials credentials) : IDisposable
{
    private readonly HttpClient _client = new();

    public Task<HttpResponseMessage> PostAsync(string service, string region, string body,
        string contentType = "application/x-www-form-urlencoded; charset=utf-8",
        IReadOnlyDictionary<string, string>? headers = null, string? sentBody = null, string path = "/") =>
        _client.SendAsync(Build(HttpMethod.Post, service, region, path, body, contentType, headers, sentBody));

    public Task<HttpResponseMessage> GetAsync(string service, string region, string path) =>
        _client.SendAsync(Build(HttpMethod.Get, service, region, path, "", null, null, null));

    public HttpRequestMessage Build(HttpMethod method, string service, string region, string path, string body,
        string? contentType, IReadOnlyDictionary<string, string>? headers, string? sentBody)
    {
        var now = DateTimeOffset.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'");
        var date = amzDate[..8];
        var host = $"{endpoint.Host}:{endpoint.Port}";
        var all = new List<KeyValuePair<string, string>> { new("Host", host), new("X-Amz-Date", amzDate) };
        if (contentType is not null) all.Add(new("Content-Type", contentType));
        if (credentials.SessionToken is { } token) all.Add(new("X-Amz-Security-Token", token));
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) all.Add(new(k, v));
        var signed = all.Select(h => h.Key.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();
        var q = path.IndexOf('?');
        var canonical = SigV4.CanonicalRequest(method.Method, q < 0 ? path : path[..q], q < 0 ? "" : path[(q + 1)..], all, signed,
            SigV4.PayloadHash(Encoding.UTF8.GetBytes(body)), s3Style: service == "s3", presigned: false);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var signature = SigV4.Signature(credentials.SecretAccessKey, date, region, service, SigV4.StringToSign(amzDate, scope, canonical));

        var request = new HttpRequestMessage(method, new Uri(endpoint, path));
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(sentBody ?? body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        foreach (var (k, v) in all)
            if (k is not ("Host" or "Content-Type")) request.Headers.TryAddWithoutValidation(k, v);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");
        return request;
    }

    public void Dispose() => _client.Dispose();
}
