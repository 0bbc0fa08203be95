using Shodo.Range.State;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Resolves a scenario's ground truth after it played: references to saved responses become ids,
/// named credentials become access key ids, and the range's state adds what the ids imply (each
/// instance's region, type and market; the instances persistent Spot requests launched).
/// </summary>
public sealed class GroundTruthResolver(RangeState state, ScenarioFile file, SavedResults saved,
    IReadOnlyDictionary<string, RangeCredentials> credentials)
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    /// <summary>
    /// The ground truth of <paramref name="spec"/> (default: the file's) in this resolver's account, from the attacker's
    /// calls there; the leaked key is named only in the account it leaked from (<paramref name="leakedHere"/>).
    /// </summary>
    public GroundTruth Resolve(IReadOnlyList<CallRecord> attackerCalls, GroundTruthSpec? spec = null, bool leakedHere = true)
    {
        spec ??= file.GroundTruth ?? new GroundTruthSpec();
        var attackers = file.Actors.Values.Where(a => a.Attacker).ToList();
        lock (state.Sync)
        {
            var leaked = leakedHere && file.LeakedCredential is { } name ? credentials.GetValueOrDefault(name) : null;
            var spotRequests = Ids(spec.SpotRequests).Select(SpotRequest).ToList();
            var instanceIds = Ids(spec.Instances)
                .Concat(spotRequests.SelectMany(r => FindSpot(r.SpotInstanceRequestId)?.InstanceHistory ?? []))
                .Distinct().ToList();
            return new GroundTruth
            {
                Scenario = file.Name,
                AccountId = state.AccountId,
                LeakedAccessKeyId = leaked?.AccessKeyId,
                LeakedUserName = leaked is null ? null : state.Iam.AccessKeys.GetValueOrDefault(leaked.AccessKeyId)?.UserName,
                AttackStartedAt = attackerCalls.Count > 0 ? attackerCalls[0].Time : state.Clock.Now,
                SourceIps = attackers.Select(a => a.SourceIp).Distinct().ToList(),
                UserAgents = attackers.Select(a => a.UserAgent).Distinct().ToList(),
                Users = Ids(spec.Users),
                AccessKeyIds = Ids(spec.AccessKeys),
                SessionAccessKeyIds = Ids(spec.SessionKeys),
                LoginProfiles = Ids(spec.LoginProfiles),
                KeyPairs = spec.KeyPairs.SelectMany(KeyPairs).ToList(),
                Instances = instanceIds.Select(Instance).ToList(),
                SpotRequests = spotRequests,
                SharedSnapshots = spec.SharedSnapshots.Select(s => new GroundTruthSharedSnapshot(
                    Text(s.Region), Text(s.Snapshot), Text(s.SharedWith))).ToList(),
                SharedEbsSnapshots = spec.SharedEbsSnapshots.Select(s => new GroundTruthSharedEbsSnapshot(
                    Text(s.Region), Text(s.Snapshot), Text(s.SharedWith))).ToList(),
                SharedClusterSnapshots = spec.SharedClusterSnapshots.Select(s => new GroundTruthSharedSnapshot(
                    Text(s.Region), Text(s.Snapshot), Text(s.SharedWith))).ToList(),
                OpenedBuckets = spec.OpenedBuckets.Select(b => new GroundTruthOpenedBucket(Text(b.Bucket), b.OpenTo.Select(Text).ToList())
                {
                    Region = state.FindBucket(Text(b.Bucket))?.Region,
                }).ToList(),
                KmsGrants = spec.KmsGrants.Select(g => new GroundTruthKmsGrant(Text(g.Region), Text(g.Key), Text(g.Grant), Text(g.Grantee))).ToList(),
                KmsKeyPolicies = spec.KmsKeyPolicies.Select(k => new GroundTruthKmsKeyPolicy(Text(k.Region), Text(k.Key), k.OpenTo.Select(Text).ToList())).ToList(),
                SharedImages = spec.SharedImages.Select(i => new GroundTruthSharedImage(Text(i.Region), Text(i.Image), Text(i.SharedWith))).ToList(),
                BucketsListed = spec.BucketsListed.Select(Text).ToList(),
                ObjectsRead = spec.ObjectsRead.Select(o => new GroundTruthObject(Text(o.Bucket), Text(o.Key))).ToList(),
                StopLogging = spec.StopLogging is { } stop ? new GroundTruthStopLogging(stop.Trail, stop.Succeeded) : null,
                Events = attackerCalls.Select(Event).ToList(),
            };
        }
    }

    private string Text(string value) => saved.Substitute(value, NoVariables);

    /// <summary>Each entry: a named credential (its key id), a <c>${...}</c> reference, or a literal.</summary>
    private List<string> Ids(IEnumerable<string> entries) => entries
        .SelectMany(e => credentials.TryGetValue(e, out var c) ? [c.AccessKeyId] : saved.Expand(e, NoVariables))
        .Distinct().ToList();

    private IEnumerable<GroundTruthKeyPair> KeyPairs(KeyPairTruthSpec spec)
    {
        var regions = spec.Regions is ["enabled"] ? state.Regions.Enabled.Select(r => r.Name).ToList() : spec.Regions;
        foreach (var region in regions)
            yield return new GroundTruthKeyPair(region, spec.Name, state.Ec2(region).FindKeyPair(spec.Name)?.KeyPairId);
    }

    private GroundTruthInstance Instance(string id)
    {
        var instance = state.Ec2Regions.Select(r => r.FindInstance(id)).FirstOrDefault(i => i is not null)
                       ?? throw new ScenarioException($"Ground truth names instance {id}, which does not exist");
        var spot = instance.SpotInstanceRequestId is { } sir ? FindSpot(sir) : null;
        var market = spot is null ? "on-demand" : spot.Type == State.Ec2.SpotRequest.Persistent ? "spot-persistent" : "spot-one-time";
        return new GroundTruthInstance(instance.Region, instance.InstanceId, instance.InstanceType, market,
            instance.SpotInstanceRequestId, instance.RequesterArn);
    }

    private GroundTruthSpotRequest SpotRequest(string id)
    {
        var request = FindSpot(id) ?? throw new ScenarioException($"Ground truth names Spot request {id}, which does not exist");
        var region = state.Ec2Regions.First(r => r.FindSpotRequest(id) is not null).Region;
        return new GroundTruthSpotRequest(region, id, request.Type, request.InstanceId);
    }

    private SpotRequest? FindSpot(string id) =>
        state.Ec2Regions.Select(r => r.FindSpotRequest(id)).FirstOrDefault(r => r is not null);

    private static GroundTruthEvent Event(CallRecord c) => new(c.Time, c.EventSource, c.EventName, c.Region,
        c.Caller?.AccessKeyId, c.Caller?.UserName ?? c.Caller?.SourceUserName, c.SourceIp, c.UserAgent, c.ErrorCode,
        c.EventId, c.EventCategory);
}
