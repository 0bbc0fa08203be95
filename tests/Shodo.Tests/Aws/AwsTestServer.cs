using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shodo.Tests.Aws;

/// <summary>
/// A real HTTP server on loopback (Kestrel) that answers with botocore-shaped pages and errors and
/// keeps every request it got, so tests can check what went over the wire — and that nothing did.
/// </summary>
public sealed class AwsTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<SeenRequest, int, Reply> _respond;

    private AwsTestServer(WebApplication app, Func<SeenRequest, int, Reply> respond)
    {
        _app = app;
        _respond = respond;
    }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();
    public int Count => Requests.Count;
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts a server whose answer depends on the request and its 1-based number.</summary>
    public static async Task<AwsTestServer> StartAsync(Func<SeenRequest, int, Reply> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new AwsTestServer(app, respond);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = new Uri(app.Urls.First() + "/");
        return server;
    }

    public static Task<AwsTestServer> StartAsync(Func<SeenRequest, Reply> respond) => StartAsync((r, _) => respond(r));

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
            foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                form[Uri.UnescapeDataString(kv[0].Replace('+', ' '))] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
            }
        var seen = new SeenRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, headers, body, form);
        Requests.Enqueue(seen);
        var reply = _respond(seen, Requests.Count);
        if (reply == Reply.Reset)
        {
            http.Abort();
            return;
        }
        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = reply.ContentType;
        foreach (var (k, v) in reply.Headers ?? new Dictionary<string, string>()) http.Response.Headers[k] = v;
        await http.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record SeenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body,
    IReadOnlyDictionary<string, string> Form)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
    public string? Field(string name) => Form.TryGetValue(name, out var v) ? v : null;
    public string Action => Field("Action") ?? Header("X-Amz-Target")?.Split('.').Last() ?? "";
    /// <summary>The credential scope of the SigV4 Authorization header, e.g. AKID/20260101/us-east-1/iam/aws4_request.</summary>
    public string? CredentialScope =>
        Header("Authorization") is { } auth && auth.IndexOf("Credential=", StringComparison.Ordinal) is var i and >= 0
            ? auth[(i + 11)..].Split(',')[0] : null;
}

public sealed record Reply(int Status, string Body, string ContentType = "text/xml", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Reply Xml(string body, int status = 200) => new(status, body);
    public static Reply Json(string body, int status = 200) => new(status, body, "application/x-amz-json-1.1");

    /// <summary>No answer: the connection is reset.</summary>
    public static Reply Reset { get; } = new(0, "");

    /// <summary>A Query-protocol error as IAM, RDS and STS send it.</summary>
    public static Reply QueryError(int status, string code, string message, string requestId = "req-err-1") => new(status,
        $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>{code}</Code>" +
        $"<Message>{message}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>");

    /// <summary>A Query answer: &lt;OpResponse&gt;&lt;OpResult&gt;inner&lt;/OpResult&gt;&lt;ResponseMetadata/&gt;.</summary>
    public static Reply QueryResult(string operation, string inner, string ns = "https://iam.amazonaws.com/doc/2010-05-08/",
        string requestId = "req-1") =>
        Xml($"<{operation}Response xmlns=\"{ns}\"><{operation}Result>{inner}</{operation}Result>" +
            $"<ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata></{operation}Response>");
}
