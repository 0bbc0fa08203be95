using System.Collections.Concurrent;

namespace Shodo.Aws.Protocols;

/// <summary>
/// Keeps the raw bytes of every AWS answer received while it is open, from SDK and hand-written
/// clients alike, so evidence can store exactly what AWS said (the SDK's typed responses drop it):
/// <code>
/// using var recording = ResponseRecording.Start();
/// var answer = await aws.Ec2(region).DescribeInstancesAsync(request, ct);
/// foreach (var raw in recording.Responses) evidence.Store(raw.Body, ...);
/// </code>
/// Scoped to the async flow that started it (nested recordings all see the answer). Outside a
/// recording nothing is buffered or kept.
/// </summary>
public sealed class ResponseRecording : IDisposable
{
    private static readonly AsyncLocal<ResponseRecording?> Current = new();
    private readonly ResponseRecording? _outer;
    private readonly ConcurrentQueue<RecordedResponse> _responses = new();
    private bool _disposed;

    private ResponseRecording(ResponseRecording? outer) => _outer = outer;

    public static ResponseRecording Start()
    {
        var recording = new ResponseRecording(Current.Value);
        Current.Value = recording;
        return recording;
    }

    public static bool Active => Current.Value is not null;

    public IReadOnlyList<RecordedResponse> Responses => _responses.ToArray();

    internal static void Record(RecordedResponse response)
    {
        for (var r = Current.Value; r is not null; r = r._outer)
            if (!r._disposed) r._responses.Enqueue(response);
    }

    public void Dispose()
    {
        _disposed = true;
        if (Current.Value == this) Current.Value = _outer;
    }
}

/// <summary>One raw answer: where it came from, its status, body and request id, and when it arrived.</summary>
public sealed record RecordedResponse(string Method, Uri Url, int Status, byte[] Body, string? RequestId, DateTimeOffset ReceivedAt);
