using Microsoft.AspNetCore.Http;
using Shodo.Range.Auth;
using Shodo.Range.Faults;
using Shodo.Range.State;

namespace Shodo.Range.Serving;

/// <summary>
/// Serves every AWS request that arrives over HTTP: reads service and region from the SigV4 credential
/// scope, runs the one pipeline every call goes through (<c>Dispatcher.Pipeline.cs</c>) with SigV4
/// authentication and injected faults, and writes the result or error in the service's protocol.
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
        var signature = SignatureInfo.Read(http.Request);
        if (Elsewhere(signature?.AccessKeyId) is { } account)
        {
            await account.ServeAsync(http);
            return;
        }
        var ct = http.RequestAborted;
        var body = await RequestReader.ReadBodyAsync(http.Request, ct);
        var service = signature is null ? null : _services.GetValueOrDefault(signature.Service);
        var protocol = service?.Protocol ?? AwsProtocol.Query;
        var request = RequestReader.Build(http, body, signature, protocol, state.AccountId);
        var arrival = new Arrival(
            signature is null ? null : now => authenticator.Authenticate(signature, SignedRequest.From(http, body), now),
            () => authenticator.Identify(signature!.AccessKeyId),
            InjectFaults: innerCt => InjectFaultsAsync(http, innerCt),
            Deliver: (operation, response, requestId) =>
                ResponseWriter.WriteAsync(http, service!, operation.Name, response, requestId, ct));

        var served = await ServeCoreAsync(request, signature?.Service, service, arrival, ct);
        if (served is { Error: { } error, Reset: false } && !http.Response.HasStarted)
            await ResponseWriter.WriteErrorAsync(http, protocol, service?.XmlNamespace ?? "", error, served.RequestId, ct);
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
}
