using Shodo.Aws.CloudTrail.Calls;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;

namespace Shodo.Trail.Digests;

/// <summary>Where the CloudTrail public keys that verify digest signatures come from.</summary>
public interface ITrailDigestKeys
{
    /// <summary>
    /// The public keys that signed the digests of <paramref name="regions"/> since <paramref name="from"/>, and why some
    /// could not be had (null when every region answered): without a key, a digest cannot be verified.
    /// </summary>
    Task<(IReadOnlyList<TrailDigestKey> Keys, string? Problem)> KeysAsync(IReadOnlyCollection<string> regions, DateTimeOffset? from,
        CancellationToken ct);
}

/// <summary>
/// cloudtrail:ListPublicKeys in each region (CloudTrail signs each region's digests with that region's key) over
/// the time the digests cover, with the responder's connection.
/// </summary>
public sealed class CloudTrailPublicKeys(AwsConnection aws, TimeProvider time) : ITrailDigestKeys
{
    public async Task<(IReadOnlyList<TrailDigestKey> Keys, string? Problem)> KeysAsync(IReadOnlyCollection<string> regions,
        DateTimeOffset? from, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var answers = await Task.WhenAll(regions.Order(StringComparer.Ordinal).Select(async region =>
        {
            try
            {
                var keys = await aws.CloudTrail(region).ListAllAsync(new ListPublicKeys(from is { } f && f < now ? f : null, from is null ? null : now), ct)
                    .ConfigureAwait(false);
                return (Keys: keys, Problem: (string?)null);
            }
            catch (AwsServiceError e)
            {
                return (Keys: (IReadOnlyList<TrailDigestKey>)[], Problem: $"ListPublicKeys in {region} was refused ({e.Code})");
            }
        })).ConfigureAwait(false);
        var problems = answers.Select(a => a.Problem).OfType<string>().ToList();
        return (answers.SelectMany(a => a.Keys).DistinctBy(k => k.Fingerprint).ToList(), problems.Count == 0 ? null : string.Join("; ", problems));
    }
}

/// <summary>No keys to be had (e.g. a local archive and no AWS credentials): signatures cannot be checked, for this reason.</summary>
public sealed class NoTrailDigestKeys(string why) : ITrailDigestKeys
{
    public Task<(IReadOnlyList<TrailDigestKey> Keys, string? Problem)> KeysAsync(IReadOnlyCollection<string> regions, DateTimeOffset? from,
        CancellationToken ct) => Task.FromResult<(IReadOnlyList<TrailDigestKey>, string?)>(([], why));
}
