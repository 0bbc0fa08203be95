namespace Shodo.Aws.Protocols;

/// <summary>
/// The HTTP handler nearest the wire in every Shodo AWS client: when a
/// <see cref="ResponseRecording"/> is open it buffers the answer and records its bytes; the
/// buffered content is still readable by whoever parses it.
/// </summary>
public sealed class RecordingHandler(HttpMessageHandler inner, TimeProvider time) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (!ResponseRecording.Active) return response;
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault()
            : response.Headers.TryGetValues("x-amz-request-id", out var s3) ? s3.FirstOrDefault() : null;
        ResponseRecording.Record(new RecordedResponse(request.Method.Method, request.RequestUri!, (int)response.StatusCode,
            body, requestId, time.GetUtcNow()));
        return response;
    }

    /// <summary>
    /// The transport under every client: no auto-redirect unless asked, a connect timeout, recording on top. With
    /// <paramref name="endpointOverride"/>, a host the model prefixes in front of it reaches it (<see cref="EndpointHostPrefixes"/>).
    /// </summary>
    public static HttpMessageHandler Wire(TimeSpan connectTimeout, TimeProvider time, bool allowRedirects = false,
        System.Net.IWebProxy? proxy = null, Uri? endpointOverride = null)
    {
        var sockets = new SocketsHttpHandler { AllowAutoRedirect = allowRedirects, ConnectTimeout = connectTimeout };
        if (proxy is not null) sockets.Proxy = proxy;
        if (endpointOverride is not null) EndpointHostPrefixes.DialUnder(sockets, endpointOverride);
        return new RecordingHandler(sockets, time);
    }
}
