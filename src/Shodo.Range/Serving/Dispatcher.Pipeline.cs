using System.Text.Json.Nodes;
using Shodo.Range.State;

namespace Shodo.Range.Serving;

public sealed partial class Dispatcher
{
    /// <summary>
    /// How a request arrived, which is all that differs between the wire and an in-process call:
    /// how its caller is authenticated (null when it carried no signature), who the key belongs to when
    /// that fails, whether faults are injected (true when the connection was reset instead of answered),
    /// and how a success is delivered before it is recorded (the HTTP path writes the response).
    /// </summary>
    private sealed record Arrival(
        Func<DateTimeOffset, Caller>? Authenticate,
        Func<Caller?> Identify,
        Func<CancellationToken, Task<bool>>? InjectFaults = null,
        Func<AwsOperation, AwsResponse, string, Task>? Deliver = null);

    /// <summary>What the pipeline did with one request. <see cref="Record"/> is null only for a reset connection.</summary>
    private sealed record Served(string RequestId, AwsResponse? Response, AwsError? Error, CallRecord? Record, bool Reset = false);

    /// <summary>
    /// The one serving pipeline: resolve the operation, authenticate, note the key's use, inject faults
    /// (where the arrival has them), authorize, handle, deliver, record. One catch rule: every failure
    /// answers like AWS — an <see cref="AwsError"/> translated to the service's protocol, any other
    /// exception a 500 InternalFailure that does not leak its message — and leaves a CloudTrail record.
    /// Only a cancellation of <paramref name="ct"/> escapes.
    /// </summary>
    private async Task<Served> ServeCoreAsync(AwsRequest request, string? signedService, IAwsService? service,
        Arrival arrival, CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString();
        request.Partition = state.Partition;
        if (arrival.Authenticate is null || service is null)
        {
            var error = arrival.Authenticate is null ? ProtocolErrors.MissingToken() : UnknownService(signedService ?? request.Service);
            var record = Record(request, service, signedService ?? "unknown", FallbackName(request), null, requestId,
                readOnly: false, dataEvent: false, null, null, error);
            return new Served(requestId, null, error, record);
        }

        Caller? caller = null;
        AwsOperation? operation = null;
        AwsCall? call = null;
        var now = state.Clock.Now;
        try
        {
            AwsError? unresolved = null;
            try { operation = service.Resolve(request); }
            catch (AwsError e) { unresolved = e; }
            try { caller = arrival.Authenticate(now); }
            catch (AwsError) { caller = arrival.Identify(); throw; }
            NoteKeyUse(caller, service, request.Region, now);
            if (unresolved is not null) throw unresolved;

            // A reset connection's request is never served (Kestrel may signal RequestAborted only later).
            if (arrival.InjectFaults is not null && await arrival.InjectFaults(ct))
                return new Served(requestId, null, null, null, Reset: true);
            if (arrival.InjectFaults is not null && faults.SightError(service.Name, operation!, request.Region, caller) is { } blind) throw blind;
            if (arrival.InjectFaults is not null) await faults.Holds.WaitAsync(service.Name, operation!.Name, ct);
            authorizer.Authorize(caller, operation!, now, request);

            call = new AwsCall
            {
                Request = request, Operation = operation!, Caller = caller, State = state, Now = now,
                RequestId = requestId,
            };
            var response = await service.HandleAsync(call, ct);
            if (arrival.Deliver is not null) await arrival.Deliver(operation!, response, requestId);
            var record = Record(request, service, service.Name, operation!.Name, caller, requestId, operation.ReadOnly,
                operation.DataEvent, call.RequestParameters ?? DefaultParameters(request), call.ResponseElements, null);
            call.AlsoRecordIn?.Record(record with { EventId = Guid.NewGuid().ToString(), Caller = caller with { Type = Caller.AwsAccount } });
            return new Served(requestId, response, null, record);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug in a handler must still answer like AWS (a 500 InternalFailure) and leave a record.
            var error = ProtocolErrors.Translate(e as AwsError ?? ProtocolErrors.Internal(), service.Protocol, service.Name);
            var record = Record(request, service, service.Name, operation?.Name ?? FallbackName(request), caller, requestId,
                operation?.ReadOnly ?? false, operation?.DataEvent ?? false,
                call?.RequestParameters ?? DefaultParameters(request), null, error);
            return new Served(requestId, null, error, record);
        }
    }

    /// <summary>AWS tracks when, where and for which service each access key was last used.</summary>
    private void NoteKeyUse(Caller caller, IAwsService service, string region, DateTimeOffset now)
    {
        lock (state.Sync)
        {
            var key = state.Iam.AccessKeys.GetValueOrDefault(caller.AccessKeyId)
                      ?? state.Iam.RootAccessKeys.FirstOrDefault(k => k.AccessKeyId == caller.AccessKeyId);
            if (key is null) return;
            key.LastUsedDate = now;
            key.LastUsedService = service.Name;
            key.LastUsedRegion = service.IsGlobal ? "us-east-1" : region;
        }
    }

    private CallRecord Record(AwsRequest request, IAwsService? service, string serviceName, string eventName, Caller? caller,
        string requestId, bool readOnly, bool dataEvent, JsonObject? parameters, JsonObject? response, AwsError? error)
    {
        var region = service?.IsGlobal == true ? "us-east-1" : request.Region;
        var record = new CallRecord(
            EventId: Guid.NewGuid().ToString(), RequestId: requestId, Time: state.Clock.Now,
            Service: serviceName, EventSource: service?.EventSource ?? $"{serviceName}.amazonaws.com",
            EventName: eventName, Region: region, Caller: caller, SourceIp: request.SourceIp,
            UserAgent: request.UserAgent, ReadOnly: readOnly, RequestParameters: parameters,
            ResponseElements: error is null ? response : null, ErrorCode: error?.Code, ErrorMessage: error?.Message,
            EventCategory: dataEvent ? "Data" : "Management");
        state.Record(record);
        return record;
    }

    private static string FallbackName(AwsRequest request)
    {
        if (request.Param("Action") is { Length: > 0 } action) return action;
        var target = request.Headers["X-Amz-Target"].ToString();
        return target.Length > 0 ? target[(target.LastIndexOf('.') + 1)..] : request.Method;
    }

    /// <summary>Query parameters as CloudTrail writes requestParameters (camelCase), without secrets.</summary>
    private static JsonObject? DefaultParameters(AwsRequest request)
    {
        var result = new JsonObject();
        foreach (var (name, value) in request.Parameters)
        {
            if (name is "Action" or "Version" || name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase)
                || name.Contains("Password", StringComparison.OrdinalIgnoreCase)
                || name.Contains("Secret", StringComparison.OrdinalIgnoreCase))
                continue;
            result[char.ToLowerInvariant(name[0]) + name[1..]] = value;
        }
        return result.Count == 0 ? null : result;
    }

    private AwsError UnknownService(string name) => new("UnknownService",
        $"The range does not serve the AWS service '{name}' (the signing name in the credential scope). " +
        $"It serves: {string.Join(", ", _services.Keys.Order())}.", 400);
}
