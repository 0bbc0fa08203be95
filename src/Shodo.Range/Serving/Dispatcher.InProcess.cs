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
    /// pipeline as <see cref="ServeAsync(Microsoft.AspNetCore.Http.HttpContext)"/>, with the same catch
    /// rule: the key is authenticated (status, session token, expiry — the secret is compared instead of
    /// a SigV4 signature being verified), its last use noted, the operation resolved and authorized, the
    /// service handles it, and a CallRecord with the request's source IP and user agent is recorded.
    /// Faults and latency are not injected. Every failure comes back as the error AWS would answer
    /// (an unknown service UnknownService, a handler bug InternalFailure), never as an exception.
    /// </summary>
    public async Task<InProcessResult> InvokeAsync(AwsRequest request, RangeCredentials credentials,
        CancellationToken ct = default)
    {
        if (Elsewhere(credentials.AccessKeyId) is { } account) return await account.InvokeAsync(request.ForAccount(account.State.AccountId), credentials, ct);
        var arrival = new Arrival(
            now => authenticator.AuthenticateSecret(credentials, now),
            () => authenticator.Identify(credentials.AccessKeyId));
        var served = await ServeCoreAsync(request, request.Service, _services.GetValueOrDefault(request.Service), arrival, ct);
        return new InProcessResult(served.Response, served.Error, served.Record!);
    }
}
