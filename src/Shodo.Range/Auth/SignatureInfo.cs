using Microsoft.AspNetCore.Http;

namespace Shodo.Range.Auth;

/// <summary>
/// The SigV4 signature a request carries, in the Authorization header or in a presigned URL's query:
/// the access key, the credential scope (date/region/service/aws4_request), the signed headers and
/// the signature. The range reads the service and region from the scope, as AWS's endpoints imply.
/// </summary>
public sealed record SignatureInfo(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    bool Presigned,
    string AmzDate,
    string? SessionToken,
    int? ExpiresSeconds)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{ScopeDate}/{Region}/{Service}/aws4_request";

    /// <summary>Reads the signature from the request; null when it is not signed with SigV4.</summary>
    public static SignatureInfo? Read(HttpRequest request) =>
        Read(name => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null,
            name => request.Query.TryGetValue(name, out var v) ? v.ToString() : null);

    /// <summary>Reads the signature from header and query lookups (null when absent).</summary>
    public static SignatureInfo? Read(Func<string, string?> header, Func<string, string?> query)
    {
        var authorization = header("Authorization") ?? "";
        if (authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            return FromHeader(authorization[(Algorithm.Length + 1)..], header);
        if (query("X-Amz-Credential") is { } credential)
        {
            var expires = int.TryParse(query("X-Amz-Expires"), out var e) ? e : (int?)null;
            return Build(credential, query("X-Amz-SignedHeaders"), query("X-Amz-Signature"), presigned: true,
                query("X-Amz-Date") ?? "", Empty(query("X-Amz-Security-Token")), expires);
        }
        return null;
    }

    private static SignatureInfo? FromHeader(string value, Func<string, string?> header)
    {
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) continue;
            var (name, v) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
            if (name == "Credential") credential = v;
            else if (name == "SignedHeaders") signedHeaders = v;
            else if (name == "Signature") signature = v;
        }
        var amzDate = Empty(header("X-Amz-Date")) ?? header("Date") ?? "";
        return Build(credential, signedHeaders, signature, presigned: false, amzDate, Empty(header("X-Amz-Security-Token")),
            expires: null);
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static SignatureInfo? Build(string? credential, string? signedHeaders, string? signature,
        bool presigned, string amzDate, string? token, int? expires)
    {
        if (credential is null) return null;
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request") return null;
        var headers = (signedHeaders ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.ToLowerInvariant()).ToArray();
        return new SignatureInfo(scope[0], scope[1], scope[2], scope[3], headers, signature ?? "",
            presigned, amzDate, token, expires);
    }
}
