using System.Net;
using System.Net.Sockets;

namespace Shodo.Aws.Protocols;

/// <summary>
/// Some operations put a prefix in front of the endpoint's host (the model's <c>hostPrefix</c>: S3 Control's
/// <c>{AccountId}.</c>). Against an endpoint override (the range on <c>127.0.0.1</c>) such a host does not resolve, so a
/// connection to a host under the override's dials the override's own address; the request still carries the prefixed Host,
/// signed as AWS requires. Any other host is dialled as it is.
/// </summary>
public static class EndpointHostPrefixes
{
    public static void DialUnder(SocketsHttpHandler handler, Uri endpoint)
    {
        var suffix = "." + endpoint.IdnHost;
        handler.ConnectCallback = async (context, ct) =>
        {
            var target = context.DnsEndPoint;
            var host = target.Host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? endpoint.IdnHost : target.Host;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new DnsEndPoint(host, target.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}
