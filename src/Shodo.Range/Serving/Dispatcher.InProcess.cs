using Shodo.Range.State;

namespace Shodo.Range.Serving;

/// <summary>What an in-process call produced: the response or the AWS error, and the CloudTrail call record.</summary>
public sealed record InProcessResult(AwsResponse? Response, AwsError? Error, CallRecord Record)
{
    public bool Succeeded => Error is null;
}

public sealed partial class Dispatcher
{
    /// <summary>
    /// Serves a request made inside the range (scenario playback, the live adversary) through the same
    /// pipeline as <see cref="ServeAsync(Microsoft.AspNetCore.Http.HttpContext)"/>: the key is
    /// authenticated (status, session token, expiry — the secret is compared instead of a SigV4
    /// signature being verified), its last use noted, the operation resolved and authorized, the
    /// service handles it, and a CallRecord with the request's source IP and user agent is recorded.
    /// Faults and latency are not injected. Errors are translated to the protocol's codes, as on the wire.
    /// </summary>
    public async Task<InProcessResult> InvokeAsync(AwsRequest request, RangeCredentials credentials,
        CancellationToken ct = default)
    {
        var requestId = Guid.NewGuid().ToString();
        var service = _services.GetValueOrDefault(request.Service)
                      ?? throw new ArgumentException($"The range does not serve '{request.Service}'", nameof(request));
        Caller? caller = null;
        AwsOperation? operation = null;
        AwsCall? call = null;
        var now = state.Clock.Now;
        try
        {
            AwsError? unresolved = null;
            try { operation = service.Resolve(request); }
            catch (AwsError e) { unresolved = e; }
            try { caller = authenticator.AuthenticateSecret(credentials, now); }
            catch (AwsError) { caller = authenticator.Identify(credentials.AccessKeyId); throw; }
            NoteKeyUse(caller, service, request.Region, now);
            if (unresolved is not null) throw unresolved;
            authorizer.Authorize(caller, operation!, now, request);

            call = new AwsCall
            {
                Request = request, Operation = operation!, Caller = caller, State = state, Now = now,
                RequestId = requestId,
            };
            var response = await service.HandleAsync(call, ct);
            var record = Record(request, service, service.Name, operation!.Name, caller, requestId, operation.ReadOnly,
                operation.DataEvent, call.RequestParameters ?? DefaultParameters(request), call.ResponseElements, null);
            return new InProcessResult(response, null, record);
        }
        catch (AwsError e)
        {
            var error = ProtocolErrors.Translate(e, service.Protocol, service.Name);
            var record = Record(request, service, service.Name, operation?.Name ?? FallbackName(request), caller, requestId,
                operation?.ReadOnly ?? false, operation?.DataEvent ?? false,
                call?.RequestParameters ?? DefaultParameters(request), null, error);
            return new InProcessResult(null, error, record);
        }
    }
}
