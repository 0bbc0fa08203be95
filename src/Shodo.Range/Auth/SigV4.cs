using System.Security.Cryptography;
using System.Text;

namespace Shodo.Range.Auth;

/// <summary>
/// Signature Version 4, server side: canonical request, string to sign and signature, per AWS's
/// "Create a signed AWS API request". S3 differs: its path is neither normalised nor encoded twice.
/// </summary>
public static class SigV4
{
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public static readonly string EmptyPayloadHash = Hex(SHA256.HashData([]));

    /// <param name="rawPath">The path as it came over the wire (percent-encoded by the client).</param>
    /// <param name="rawQuery">The query string as it came over the wire, without '?'.</param>
    /// <param name="headers">Every header of the request (name, value), repeated names allowed.</param>
    public static string CanonicalRequest(string method, string rawPath, string rawQuery,
        IEnumerable<KeyValuePair<string, string>> headers, IReadOnlyList<string> signedHeaders,
        string payloadHash, bool s3Style, bool presigned)
    {
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(rawPath, s3Style)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery, presigned)).Append('\n');
        var byName = headers.GroupBy(h => h.Key.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(h => TrimValue(h.Value))));
        foreach (var name in signedHeaders)
            builder.Append(name).Append(':').Append(byName.GetValueOrDefault(name, "")).Append('\n');
        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{SignatureInfo.Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static string Signature(string secret, string scopeDate, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), scopeDate);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string CanonicalPath(string rawPath, bool s3Style)
    {
        if (rawPath.Length == 0) return "/";
        if (s3Style) return Encode(Uri.UnescapeDataString(rawPath), keepSlash: true);
        return Encode(Normalize(rawPath), keepSlash: true);
    }

    /// <summary>RFC 3986 dot-segment removal and collapsing of repeated slashes.</summary>
    public static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); continue; }
            segments.Add(segment);
        }
        var normalized = "/" + string.Join('/', segments);
        var endsWithSlash = path.EndsWith('/') || path.EndsWith("/.") || path.EndsWith("/..");
        if (endsWithSlash && segments.Count > 0) normalized += "/";
        return normalized;
    }

    public static string CanonicalQuery(string rawQuery, bool presigned)
    {
        if (rawQuery.Length == 0) return "";
        var pairs = new List<(string Key, string Value)>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
            if (presigned && key == "X-Amz-Signature") continue;
            pairs.Add((Encode(key, false), Encode(value, false)));
        }
        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>AWS's URI encoding: everything but A-Z a-z 0-9 - _ . ~ (and '/' in paths) as %XX of UTF-8.</summary>
    public static string Encode(string value, bool keepSlash)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~'
                || c == '/' && keepSlash)
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    private static string TrimValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t' or '\n' or '\r') { space = true; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    public static string PayloadHash(byte[] body) => Hex(SHA256.HashData(body));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Constant-time comparison of two hex signatures.</summary>
    public static bool SameSignature(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
