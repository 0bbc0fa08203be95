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
        var target = OriginForm(http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString);
        var q = target.IndexOf('?');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in http.Request.Headers)
            foreach (var value in values)
                headers.Add(new(name, value ?? ""));
        return new SignedRequest(http.Request.Method, q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..],
            headers, body);
    }

    /// <summary>
    /// The path and query of a request target. A client sending through a proxy writes the absolute form
    /// (<c>GET http://host:port/path?query</c>, RFC 9112 3.2.2), which Kestrel accepts with a Host header equal to its
    /// authority; the signature covers only the path and query, as for the origin form.
    /// </summary>
    private static string OriginForm(string target)
    {
        if (!target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return target;
        var start = target.IndexOf("//", StringComparison.Ordinal) + 2;
        var path = target.IndexOfAny(['/', '?'], start);
        return path < 0 ? "/" : target[path] == '?' ? "/" + target[path..] : target[path..];
    }
}
