using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.State;

/// <summary>CloudTrail log file validation: the signing key and the last digest of each trail and region.</summary>
public sealed partial class RangeState
{
    private DigestSigningKey? _digestKey;

    public DigestSigningKey DigestKey
    {
        get { lock (Sync) return _digestKey ??= new DigestSigningKey(Clock.Now.AddDays(-365)); }
    }

    public Dictionary<string, DigestDelivery.Link> DigestChains { get; } = new(StringComparer.Ordinal);

    /// <summary>The signing key if one was made (the state file saves it only then).</summary>
    internal DigestSigningKey? ExistingDigestKey
    {
        get { lock (Sync) return _digestKey; }
        set { lock (Sync) _digestKey = value; }
    }
}
