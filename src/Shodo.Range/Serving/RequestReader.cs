using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Shodo.Range.Auth;

namespace Shodo.Range.Serving;

/// <summary>Turns an HTTP request into an <see cref="AwsRequest"/> (ASP.NET stops here).</summary>
public static class RequestReader
{
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public static AwsRequest Build(HttpContext http, byte[] body, SignatureInfo? signature, AwsProtocol? protocol,
        string accountId)
    {
        var request = http.Request;
        if (AwsChunkedBody.Applies(request.Headers["x-amz-content-sha256"].ToString(), request.Headers.ContentEncoding.ToString()))
            body = AwsChunkedBody.Decode(body);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var parameters = new Dictionary<string, string>(query, StringComparer.Ordinal);
        if (protocol is AwsProtocol.Query or AwsProtocol.Ec2 && IsForm(request) && body.Length > 0)
            foreach (var (name, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
                parameters[name] = value.ToString();
        if (protocol is not (AwsProtocol.Query or AwsProtocol.Ec2)) parameters.Clear();
        return new AwsRequest
        {
            Method = request.Method,
            Path = request.Path.HasValue ? request.Path.Value! : "/",
            Query = query,
            Headers = request.Headers,
            Body = body,
            Service = signature?.Service ?? "",
            Region = signature?.Region ?? "us-east-1",
            Parameters = parameters,
            AccountId = accountId,
            SourceIp = http.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            UserAgent = request.Headers.UserAgent.ToString(),
        };
    }

    private static bool IsForm(HttpRequest request) =>
        request.ContentType is null
        || request.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
