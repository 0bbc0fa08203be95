using System.Net;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>cidr</c>: the value is an IPv4 or IPv6 network (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>).</summary>
public sealed class CidrModifier : SigmaModifier
{
    public override string Name => "cidr";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context)
    {
        if (value is not SigmaString s || s.HasWildcards) throw Unsupported(value);
        var text = s.Original.Trim();
        if (!text.Contains('/'))
            text += IPAddress.TryParse(text, out var single) && single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "/128" : "/32";
        if (!IPNetwork.TryParse(text, out var network))
        {
            // Allow host bits set (10.1.2.3/8), as pySigma does: keep the network part.
            var slash = text.IndexOf('/');
            if (!IPAddress.TryParse(text[..slash], out var address) || !int.TryParse(text[(slash + 1)..], out var prefix)
                || prefix < 0 || prefix > (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
                throw new SigmaModifierException($"'{s.Original}' is not a CIDR network");
            network = new IPNetwork(Mask(address, prefix), prefix);
        }
        return new SigmaCidr(network, s.Original);
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }
}
