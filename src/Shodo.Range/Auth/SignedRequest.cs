using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Shodo.Range.Auth;

/// <summary>The parts of an HTTP request that a SigV4 signature covers, as they came over the wire.</summary>
public sealed record SignedRequest(
    string Method, string RawPath, string RawQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The first value of a header (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } h ? h.Value : null;

    public static SignedRequest From(HttpContext http, byte[] body)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        var q = target.IndexOf('?');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in http.Request.Headers)
            foreach (var value in values)
                headers.Add(new(name, value ?? ""));
        return new SignedRequest(http.Request.Method, q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..],
            headers, body);
    }
}
