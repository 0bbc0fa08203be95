using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json.Nodes;

namespace Shodo.Escalation.Channels;

/// <summary>
/// POSTs a JSON body for the HTTP channels and turns every way it can fail (refused, timeout, TLS,
/// 4xx/5xx) into a <see cref="ChannelFailure"/> with a message that names only the kind of failure.
/// </summary>
internal static class JsonPost
{
    public static async Task<string> SendAsync(ChannelServices services, Uri url, JsonNode body, CancellationToken ct,
        Action<HttpRequestMessage, byte[]>? decorate = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("Shodo-Escalation/1");
        decorate?.Invoke(request, bytes);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(services.AttemptTimeout);
        try
        {
            using var response = await services.Http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return text;
            var code = (int)response.StatusCode;
            var retryable = code is 408 or 429 || code >= 500;
            throw new ChannelFailure($"HTTP {code}", retryable);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ChannelFailure($"timeout after {services.AttemptTimeout.TotalSeconds:0}s", true, e);
        }
        catch (HttpRequestException e)
        {
            throw new ChannelFailure(Describe(e), true, e);
        }
    }

    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "host not found",
        SocketException s => $"network error ({s.SocketErrorCode})",
        AuthenticationException => "TLS handshake failed",
        IOException => "connection closed",
        _ => e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.NameResolutionError => "host not found",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            var other => $"request failed ({other})",
        },
    };
}
