using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Protocols;
using Shodo.Cases;

namespace Shodo.Evidence;

/// <summary>
/// How a collector calls AWS: every successful answer (each page of a paged one) is stored as
/// evidence with its service, operation, region, parameters and page number; every failed call is
/// recorded as a <see cref="CoverageGap"/> and answers null. An answer that says a thing does not
/// exist (a code the collector names as "absent", e.g. NoSuchEntity for a login profile) is a fact:
/// AWS's answer is stored, not recorded as a gap.
/// </summary>
public sealed class CollectionContext
{
    private readonly ICollector _collector;
    private readonly CollectionLedger _ledger;
    private readonly LaneResults? _lane;
    private int _blobs, _gaps;

    internal CollectionContext(AwsConnection aws, string? region, ICollector collector, CollectionLedger ledger, bool optedIn = false,
        LaneResults? lane = null)
    {
        Aws = aws;
        Region = region;
        OptedIn = optedIn;
        _collector = collector;
        _ledger = ledger;
        _lane = lane;
    }

    public AwsConnection Aws { get; }

    /// <summary>The region collected; null for a global collector (IAM), whose evidence has no region.</summary>
    public string? Region { get; }

    /// <summary>Whether <see cref="Region"/> is an opt-in region the account enabled (DescribeRegions: opted-in).</summary>
    public bool OptedIn { get; }

    /// <summary>Where regional clients point: <see cref="Region"/>, else the connection's home region.</summary>
    public string ClientRegion => Region ?? Aws.Region;

    public TimeProvider Time => _ledger.Time;
    public int Blobs => Volatile.Read(ref _blobs);
    public int Gaps => Volatile.Read(ref _gaps);

    /// <summary>The same collector storing evidence under another region (an S3 bucket's own region).</summary>
    public CollectionContext In(string? region) => new(Aws, region, _collector, _ledger, lane: _lane) { _parent = this };

    private CollectionContext? _parent;

    /// <summary>Offers what this collector found to the other collectors of its lane (<see cref="ResultOfAsync{T}"/>).</summary>
    public void Publish(object value) => _lane?.Publish(_collector.Name, value);

    /// <summary>
    /// What the collector named <paramref name="collector"/> in this lane published, once it has (or finished without):
    /// null when it published nothing, failed, or is not part of this collection.
    /// </summary>
    public Task<T?> ResultOfAsync<T>(string collector, CancellationToken ct) where T : class =>
        _lane?.ResultOfAsync<T>(collector, ct) ?? Task.FromResult<T?>(null);

    /// <summary>Every page of a Query list call (IAM, RDS), each page stored; all items, or null if a page failed.</summary>
    public async Task<IReadOnlyList<T>?> PagesAsync<T>(QueryClient client, QueryPagedCall<T> call, CancellationToken ct,
        params string[] absentCodes)
    {
        var parameters = Parameters(call);
        return await CaptureAsync(call.Operation, parameters, absentCodes, async () =>
        {
            var items = new List<T>();
            await foreach (var page in client.PagesAsync(call, ct).ConfigureAwait(false))
            {
                await StoreAsync(call.Operation, parameters, page.Number, page.Raw, "text/xml", ct).ConfigureAwait(false);
                items.AddRange(page.Items);
            }
            return (IReadOnlyList<T>)items;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>One Query call, stored; null when it failed or answered one of <paramref name="absentCodes"/>.</summary>
    public async Task<T?> AnswerAsync<T>(QueryClient client, QueryCall<T> call, CancellationToken ct, params string[] absentCodes)
    {
        var parameters = Parameters(call);
        return await CaptureAsync(call.Operation, parameters, absentCodes, async () =>
        {
            var answer = await client.AnswerAsync(call, ct).ConfigureAwait(false);
            await StoreAsync(call.Operation, parameters, null, answer.Raw, "text/xml", ct).ConfigureAwait(false);
            return answer.Result;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Every page of a JSON 1.1 list call (CloudTrail), each page stored.</summary>
    public async Task<IReadOnlyList<T>?> PagesAsync<T>(JsonClient client, JsonPagedCall<T> call, CancellationToken ct)
    {
        var parameters = Parameters(call);
        return await CaptureAsync(call.Operation, parameters, [], async () =>
        {
            var items = new List<T>();
            await foreach (var page in client.PagesAsync(call, ct).ConfigureAwait(false))
            {
                await StoreAsync(call.Operation, parameters, page.Number, page.Raw, "application/x-amz-json-1.1", ct).ConfigureAwait(false);
                items.AddRange(page.Items);
            }
            return (IReadOnlyList<T>)items;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>One JSON 1.1 call, stored.</summary>
    public async Task<T?> AnswerAsync<T>(JsonClient client, JsonCall<T> call, CancellationToken ct, params string[] absentCodes)
    {
        var parameters = Parameters(call);
        return await CaptureAsync(call.Operation, parameters, absentCodes, async () =>
        {
            var answer = await client.AnswerAsync(call, ct).ConfigureAwait(false);
            await StoreAsync(call.Operation, parameters, null, answer.Raw, "application/x-amz-json-1.1", ct).ConfigureAwait(false);
            return answer.Result;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// One SDK call (EC2, S3): the raw answer is taken from a <see cref="ResponseRecording"/> and stored
    /// with <paramref name="parameters"/> and <paramref name="page"/>.
    /// </summary>
    public async Task<TResponse?> SdkAsync<TResponse>(AwsOperation operation, JsonObject? parameters, int? page,
        Func<CancellationToken, Task<TResponse>> send, CancellationToken ct, params string[] absentCodes)
        where TResponse : class
    {
        return await CaptureAsync(operation, parameters, absentCodes, async () =>
        {
            using var recording = ResponseRecording.Start();
            var response = await send(ct).ConfigureAwait(false);
            // The successful answer; else the one the SDK accepted as an answer (S3 GetBucketPolicy's
            // NoSuchBucketPolicy is turned into an empty response by the SDK: AWS's words are the evidence).
            var raw = recording.Responses.LastOrDefault(r => r.Status is >= 200 and < 300) ?? recording.Responses.LastOrDefault()
                ?? throw new InvalidDataException($"no raw answer was recorded for {operation}");
            await StoreAsync(operation, parameters, page, raw.Body, ContentTypeOf(operation), ct, raw.ReceivedAt).ConfigureAwait(false);
            return response;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Every page of an SDK call paged by NextToken: <paramref name="send"/> gets the token (null first)
    /// and answers the response and the next token.
    /// </summary>
    public async Task<IReadOnlyList<TResponse>?> SdkPagesAsync<TResponse>(AwsOperation operation, JsonObject? parameters,
        Func<string?, CancellationToken, Task<(TResponse Response, string? NextToken)>> send, CancellationToken ct)
        where TResponse : class
    {
        var responses = new List<TResponse>();
        string? token = null;
        for (var number = 1; ; number++)
        {
            var current = token;
            var answer = await SdkAsync(operation, parameters, number, async c =>
            {
                var (response, next) = await send(current, c).ConfigureAwait(false);
                return new Paged<TResponse>(response, next);
            }, ct).ConfigureAwait(false);
            if (answer is null) return null;
            responses.Add(answer.Response);
            token = answer.NextToken;
            if (string.IsNullOrEmpty(token)) return responses;
        }
    }

    private sealed record Paged<T>(T Response, string? NextToken);

    private async Task<T?> CaptureAsync<T>(AwsOperation operation, JsonObject? parameters, string[] absentCodes,
        Func<Task<T>> call, CancellationToken ct)
    {
        if (!_collector.Operations.Contains(operation))
            throw new InvalidOperationException($"Collector {_collector.Name} sent {operation} without naming it in its Operations.");
        // The service's own bound first, then the machine's: a call waiting for its service holds no slot another service could use.
        var service = _ledger.CallsTo(operation.Service, ClientRegion);
        await service.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _ledger.Calls.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            service.Release();
            throw;
        }
        using var recording = absentCodes.Length > 0 ? ResponseRecording.Start() : null;
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsServiceError e) when (absentCodes.Contains(e.Code))
        {
            if (recording?.Responses.LastOrDefault() is { } raw)
                await StoreAsync(operation, parameters, null, raw.Body, ContentTypeOf(operation), ct, raw.ReceivedAt).ConfigureAwait(false);
            return default;
        }
        catch (AwsServiceError e) when (!ct.IsCancellationRequested)
        {
            await RecordAsync(CoverageGap.From(e, _collector.Name, operation, Region, Aws.Region, parameters, Time.GetUtcNow(), OptedIn), ct).ConfigureAwait(false);
            return default;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or System.Xml.XmlException or System.Text.Json.JsonException
                                       or Amazon.Runtime.AmazonClientException && !ct.IsCancellationRequested)
        {
            await RecordAsync(CoverageGap.Unreadable(e, _collector.Name, operation, Region, parameters, Time.GetUtcNow()), ct).ConfigureAwait(false);
            return default;
        }
        finally
        {
            _ledger.Calls.Release();
            service.Release();
        }
    }

    /// <summary>Records a gap that is not one call's failure (e.g. a collector that could not finish).</summary>
    internal async Task RecordAsync(CoverageGap gap, CancellationToken ct)
    {
        Interlocked.Increment(ref _gaps);
        if (_parent is not null) Interlocked.Increment(ref _parent._gaps);
        await _ledger.RecordAsync(gap, ct).ConfigureAwait(false);
    }

    private async Task StoreAsync(AwsOperation operation, JsonObject? parameters, int? page, byte[] raw, string contentType,
        CancellationToken ct, DateTimeOffset? receivedAt = null)
    {
        await _ledger.StoreAsync(raw, new EvidenceDescriptor(operation.Service, operation.Name, Region)
        {
            Parameters = parameters?.DeepClone().AsObject(),
            Page = page,
            ContentType = contentType,
            Time = receivedAt,
        }, ct).ConfigureAwait(false);
        Interlocked.Increment(ref _blobs);
        if (_parent is not null) Interlocked.Increment(ref _parent._blobs);
    }

    private static string ContentTypeOf(AwsOperation operation) => operation.Service == "s3" ? "application/xml" : "text/xml";

    private static JsonObject? Parameters<T>(QueryCall<T> call)
    {
        var p = new QueryParameters();
        call.Write(p);
        if (p.Fields.Count == 0) return null;
        var json = new JsonObject();
        foreach (var (name, value) in p.Fields) json[name] = value;
        return json;
    }

    private static JsonObject? Parameters<T>(JsonCall<T> call)
    {
        var body = new JsonObject();
        call.Write(body);
        return body.Count == 0 ? null : body;
    }
}
