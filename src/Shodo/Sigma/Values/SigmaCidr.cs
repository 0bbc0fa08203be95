using System.Net;
using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>The <c>cidr</c> modifier: an IPv4 or IPv6 network; matches an address inside it.</summary>
public sealed record SigmaCidr(IPNetwork Network, string Text) : SigmaValue
{
    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context) =>
        Any(values, t => IPAddress.TryParse(t, out var address) && Contains(address));

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6 && Network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            address = address.MapToIPv4();
        return Network.Contains(address);
    }

    public override string ToString() => Text;
}
