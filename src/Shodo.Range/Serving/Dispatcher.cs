using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Shodo.Range.Auth;
using Shodo.Range.Faults;
using Shodo.Range.State;

namespace Shodo.Range.Serving;

/// <summary>
/// Serves every AWS request: reads service and region from the SigV4 credential scope,
/// authenticates, resolves the operation, injects faults, authorizes, lets the service handle it,
/// renders the result or error in the service's protocol and records the call for CloudTrail.
/// </summary>
public sealed partial class Dispatcher(
    RangeState state, IReadOnlyList<IAwsService> services, Authenticator authenticator, Authorizer authorizer,
    RangeFaults faults, TimeProvider realTime)
{
    private readonly Dictionary<string, IAwsService> _services =
        services.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IAwsService> Services => _services.Values;

    public async Task ServeAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        var body = await RequestReader.ReadBodyAsync(http.Request, ct);
        var signature = SignatureInfo.Read(http.Request);
        var service = signature is null ? null : _services.GetValueOrDefault(signature.Service);
        var request = RequestReader.Build(http, body, signature, service?.Protocol ?? AwsProtocol.Query, state.AccountId);
        var protocol = service?.Protocol ?? AwsProtocol.Query;

        if (signature is null || service is null)
        {
            var error = signature is null ? ProtocolErrors.MissingToken() : UnknownService(signature.Service);
            await ResponseWriter.WriteErrorAsync(http, protocol, "", error, requestId, ct);
            Record(request, service, signature?.Service ?? "unknown", FallbackName(request), null, requestId,
                readOnly: false, dataEvent: false, null, null, error);
            return;
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
            try { caller = authenticator.Authenticate(signature, SignedRequest.From(http, body), now); }
            catch (AwsError) { caller = authenticator.Identify(signature.AccessKeyId); throw; }
            NoteKeyUse(caller, service, request.Region, now);
            if (unresolved is not null) throw unresolved;

            // A reset connection's request is never served (Kestrel may signal RequestAborted only later).
            if (await InjectFaultsAsync(http, ct)) return;
            authorizer.Authorize(caller, operation!, now, request);

            call = new AwsCall
            {
                Request = request, Operation = operation!, Caller = caller, State = state, Now = now,
                RequestId = requestId,
            };
            var response = await service.HandleAsync(call, ct);
            await ResponseWriter.WriteAsync(http, service, operation!.Name, response, requestId, ct);
            Record(request, service, service.Name, operation.Name, caller, requestId, operation.ReadOnly,
                operation.DataEvent, call.RequestParameters ?? DefaultParameters(request), call.ResponseElements, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug in a handler must still answer like AWS (a 500 InternalFailure) and leave a record.
            var error = ProtocolErrors.Translate(e as AwsError ?? ProtocolErrors.Internal(), protocol, service.Name);
            if (!http.Response.HasStarted)
                await ResponseWriter.WriteErrorAsync(http, protocol, service.XmlNamespace, error, requestId, ct);
            Record(request, service, service.Name, operation?.Name ?? FallbackName(request), caller, requestId,
                operation?.ReadOnly ?? false, operation?.DataEvent ?? false,
                call?.RequestParameters ?? DefaultParameters(request), null, error);
        }
    }

    /// <summary>Adds latency, then answers throttling or a server error by throwing; true when it reset the connection instead.</summary>
    private async Task<bool> InjectFaultsAsync(HttpContext http, CancellationToken ct)
    {
        var delay = faults.NextDelay();
        if (delay > TimeSpan.Zero) await Task.Delay(delay, realTime, ct);
        if (faults.Roll(faults.ResetRate))
        {
            http.Abort();
            return true;
        }
        if (faults.Roll(faults.ThrottleRate)) throw ProtocolErrors.Throttled();
        if (faults.Roll(faults.ErrorRate))
            throw faults.Pick(2) == 0 ? ProtocolErrors.Internal() : ProtocolErrors.Unavailable();
        return false;
    }

    /// <summary>AWS tracks when, where and for which service each access key was last used.</summary>
    private void NoteKeyUse(Caller caller, IAwsService service, string region, DateTimeOffset now)
    {
        lock (state.Sync)
        {
            if (!state.Iam.AccessKeys.TryGetValue(caller.AccessKeyId, out var key)) return;
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
