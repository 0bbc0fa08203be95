using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// CloudTrail in the state file: trails (selectors, logging periods, delivery progress), the event
/// history every served call left (LookupEvents and delivery read it), the digest chains and the
/// digest signing key (so digests delivered before the save still verify after the load). The log
/// files and digests themselves are objects in their buckets and travel with the s3 part.
/// </summary>
public sealed class CloudTrailStatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "cloudtrail";

    public JsonNode Save(RangeState state)
    {
        var key = state.ExistingDigestKey;
        var data = new CloudTrailData(
            [.. state.Trails.Values], [.. state.Calls], new(state.DigestChains),
            key is null ? null : new SigningKeyData(key.ValidFrom, key.ExportPrivateKey()));
        return JsonSerializer.SerializeToNode(data, Options)!;
    }

    public void Load(RangeState state, JsonNode node)
    {
        var data = node.Deserialize<CloudTrailData>(Options) ?? throw new InvalidDataException("The cloudtrail state is empty.");
        state.Trails.Clear();
        foreach (var trail in data.Trails) state.Trails[trail.Arn] = trail;
        state.Calls.Clear();
        state.Calls.AddRange(data.Calls);
        state.DigestChains.Clear();
        foreach (var (chain, link) in data.DigestChains) state.DigestChains[chain] = link;
        if (data.SigningKey is { } saved)
            state.ExistingDigestKey = new DigestSigningKey(saved.ValidFrom, saved.PrivateKey);
    }

    private sealed record CloudTrailData(
        List<Trail> Trails, List<CallRecord> Calls, Dictionary<string, DigestDelivery.Link> DigestChains,
        SigningKeyData? SigningKey);

    private sealed record SigningKeyData(DateTimeOffset ValidFrom, byte[] PrivateKey);
}
