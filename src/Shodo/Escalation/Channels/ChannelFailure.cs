namespace Shodo.Escalation.Channels;

/// <summary>
/// A send that did not go through. <see cref="Exception.Message"/> is written by Shodo from the kind
/// of failure and a status code — never copied from a server or an exception that may quote a URL —
/// so it can be journaled. <see cref="Retryable"/> is false for answers that will not change
/// (401, 403, 404, 400): retrying would only hammer the service.
/// </summary>
public sealed class ChannelFailure(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}
