using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Shodo.Escalation.Loop;

namespace Shodo.Drill.Rehearsal;

/// <summary>
/// A local stand-in for the services escalation talks to, on loopback only, for <c>shodo drill</c> and
/// tests: it answers the generic webhook (<c>/webhook</c>), the Slack (<c>/slack</c>, "ok") and Teams
/// (<c>/teams</c>, 202) webhook shapes and the PagerDuty Events API (<c>/v2/enqueue</c>, 202 with
/// <c>status: success</c>), records every request, can be told to fail a path (500, or hang) and can
/// acknowledge after a delay by calling back into the loop, as a person would.
/// </summary>
public sealed class RehearsalReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ReceivedNotice> _received = new();
    private readonly ConcurrentDictionary<string, (int Times, int Status)> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _stalls = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly Task _serve;
    private (IAcknowledgeable Target, string By, TimeSpan Delay)? _autoAck;
    private int _autoAckStarted;

    private RehearsalReceiver(HttpListener listener, int port, TimeProvider time)
    {
        _listener = listener;
        _time = time;
        Port = port;
        _serve = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");
    public Uri WebhookUrl => new(BaseUrl, "webhook");
    public Uri SlackUrl => new(BaseUrl, "slack");
    public Uri TeamsUrl => new(BaseUrl, "teams");
    public Uri PagerDutyUrl => new(BaseUrl, "v2/enqueue");

    /// <summary>Every request taken so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedNotice> Received => _received.ToArray();

    public IReadOnlyList<ReceivedNotice> ReceivedAt(string path) => Received.Where(r => r.Path == path).ToList();

    /// <summary>Starts on a free loopback port. <paramref name="time"/> stamps requests and times the auto-acknowledgement.</summary>
    public static RehearsalReceiver Start(TimeProvider? time = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RehearsalReceiver(listener, port, time ?? TimeProvider.System);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Answers the next <paramref name="times"/> requests to <paramref name="path"/> with <paramref name="status"/> (500: a broken service; 404: a deleted webhook).</summary>
    public void FailNext(string path, int times = int.MaxValue, int status = 500) => _failures[path] = (times, status);

    /// <summary>Holds every request to <paramref name="path"/> this long before answering (a hanging service).</summary>
    public void Stall(string path, TimeSpan delay) => _stalls[path] = delay;

    public void Recover(string path)
    {
        _failures.TryRemove(path, out _);
        _stalls.TryRemove(path, out _);
    }

    /// <summary>After the first request arrives, waits <paramref name="delay"/> (on the receiver's clock) and acknowledges as <paramref name="by"/>.</summary>
    public void AcknowledgeAfter(IAcknowledgeable target, string by, TimeSpan delay) => _autoAck = (target, by, delay);

    /// <summary>Waits (real time) until at least <paramref name="count"/> requests matching <paramref name="match"/> arrived.</summary>
    public async Task<IReadOnlyList<ReceivedNotice>> WaitForAsync(int count, Func<ReceivedNotice, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var hits = Received.Where(match ?? (_ => true)).ToList();
            if (hits.Count >= count || DateTime.UtcNow > deadline) return hits;
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(_stop.Token).ConfigureAwait(false);
            var path = request.Url?.AbsolutePath.TrimStart('/') ?? "";
            var headers = request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => request.Headers[k] ?? "");
            _received.Enqueue(new ReceivedNotice(path, headers, body, _time.GetUtcNow()));
            StartAutoAck();
            if (_stalls.TryGetValue(path, out var stall)) await Task.Delay(stall, _stop.Token).ConfigureAwait(false);
            if (_failures.TryGetValue(path, out var failure) && failure.Times > 0)
            {
                _failures[path] = (failure.Times - 1, failure.Status);
                await WriteAsync(context, failure.Status, "text/plain", "rehearsal: failing on purpose").ConfigureAwait(false);
                return;
            }
            var (status, type, text) = path switch
            {
                "slack" => (200, "text/plain", "ok"),
                "teams" => (202, "text/plain", ""),
                "v2/enqueue" => (202, "application/json", "{\"status\":\"success\",\"message\":\"Event processed\"}"),
                _ => (200, "application/json", "{\"ok\":true}"),
            };
            await WriteAsync(context, status, type, text).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            try { context.Response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    private void StartAutoAck()
    {
        if (_autoAck is not { } ack || Interlocked.Exchange(ref _autoAckStarted, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(ack.Delay, _time, _stop.Token).ConfigureAwait(false);
                await ack.Target.AcknowledgeAsync(ack.By, "rehearsal", _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { }
        });
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    /// <summary>A loopback port nothing listens on right now (also useful to test "connection refused").</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Close();
        try { await _serve.ConfigureAwait(false); } catch (Exception) { }
        _stop.Dispose();
    }
}
