using Shodo.Localization;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// From the starting key to every credential the attacker minted or used, to a fixed point: the
/// starting key's events outside its owner's baseline, then users created (and every event as them,
/// console sign-ins included), access keys created, login profiles set, and session keys returned by
/// GetSessionToken / GetFederationToken / AssumeRole — and those keys' own events, which may mint more.
/// </summary>
public sealed class IdentityChain(IReadOnlyList<TrailRecord> records)
{
    public ChainResult Follow(string startingKey, string? ownerUserName, DateTimeOffset? since, IReadOnlySet<string> excludedKeys)
    {
        var keyEvents = records.Where(r => r.AccessKeyId == startingKey).ToList();
        var baseline = OwnerBaseline.For(keyEvents, since);
        var keys = new Dictionary<string, MintedCredential?>(StringComparer.Ordinal) { [startingKey] = null };
        var users = new Dictionary<string, MintedCredential>(StringComparer.Ordinal);
        var profiles = new Dictionary<string, MintedCredential>(StringComparer.Ordinal);
        var attacker = new Dictionary<string, TrailRecord>(StringComparer.Ordinal);

        bool IsAttacker(TrailRecord e) =>
            e.AccessKeyId is { } k && !excludedKeys.Contains(k) && keys.ContainsKey(k) && (k != startingKey || baseline.IsAttacker(e))
            || e.IdentityType == "IAMUser" && e.UserName is { } u && users.ContainsKey(u) && e.AccessKeyId != startingKey
            || e.EventName == "ConsoleLogin" && e.UserName is { } c && profiles.TryGetValue(c, out var p) && e.EventTime >= p.Event.EventTime
               && (users.ContainsKey(c) || e.SourceIp is not null && attacker.Values.Any(a => a.SourceIp == e.SourceIp));

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var e in records.OrderBy(r => r.EventTime))
            {
                if (attacker.ContainsKey(e.EventId) || !IsAttacker(e)) continue;
                attacker[e.EventId] = e;
                changed = true;
                foreach (var minted in MintedCredential.From(e))
                {
                    var table = minted.Kind switch
                    {
                        IdentityKind.User => users,
                        IdentityKind.LoginProfile => profiles,
                        _ => null,
                    };
                    if (table is not null) table.TryAdd(minted.Name, minted);
                    else keys.TryAdd(minted.Name, minted);
                }
            }
        }

        var events = attacker.Values.OrderBy(e => e.EventTime).ToList();
        var identities = new List<AttackerIdentity>();
        var start = events.FirstOrDefault()?.EventTime;
        var startingEvents = events.Where(e => e.AccessKeyId == startingKey).ToList();
        identities.Add((StartingSession.RoleOf(startingKey, startingEvents) is { } role
            // A session of a role (a member account entered by AssumeRole): the role is what a plan can act on.
            ? Describe($"session-key:{startingKey}", IdentityKind.SessionKey, startingKey, startingKey, role, null, startingEvents,
                LocalText.Of("IdentityEnteredSession", role))
            : Describe($"access-key:{startingKey}", IdentityKind.AccessKey, startingKey, startingKey, ownerUserName, null, startingEvents,
                ownerUserName is null ? LocalText.Of("IdentityLeakedKeyUnknownOwner") : LocalText.Of("IdentityLeakedKey", ownerUserName)))
            with { CreatedByAttacker = false });
        foreach (var (name, minted) in users)
            identities.Add(Describe($"user:{name}", IdentityKind.User, name, null, null, minted,
                events.Where(e => e.IdentityType == "IAMUser" && e.UserName == name).ToList(),
                LocalText.Of("IdentityCreatedUser", minted.Event.EventName, minted.Event.EventTime)));
        foreach (var (key, minted) in keys.Where(k => k.Value is not null))
        {
            var m = minted!;
            var session = m.Kind == IdentityKind.SessionKey;
            identities.Add(Describe($"{(session ? "session-key" : "access-key")}:{key}", m.Kind, key, key, m.Owner, m,
                events.Where(e => e.AccessKeyId == key).ToList(),
                session ? LocalText.Of("IdentitySessionKey", m.Event.EventName) : LocalText.Of("IdentityCreatedKey", m.Owner)));
        }
        foreach (var (user, minted) in profiles)
            identities.Add(Describe($"login-profile:{user}", IdentityKind.LoginProfile, user, null, user, minted,
                events.Where(e => e.EventName == "ConsoleLogin" && e.UserName == user).ToList(),
                LocalText.Of("IdentityLoginProfile", user)));

        var baselineAgents = baseline.UserAgents;
        var addresses = events.Select(e => e.SourceIp).Where(AwsAddresses.IsActorAddress).OfType<string>()
            .Where(a => !baseline.Addresses.Contains(a)).Distinct().Order(StringComparer.Ordinal).ToList();
        var agents = events.Select(e => e.UserAgent).OfType<string>().Where(a => !baselineAgents.Contains(a))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new ChainResult(identities, events, addresses, agents, start, baseline);
    }

    private AttackerIdentity Describe(string id, IdentityKind kind, string name, string? accessKeyId, string? owner,
        MintedCredential? minted, List<TrailRecord> used, IReadOnlyDictionary<string, string> reasons)
    {
        var all = minted is null ? used : used.Prepend(minted.Event).ToList();
        return new AttackerIdentity
        {
            Id = id, Kind = kind, Name = name, AccessKeyId = accessKeyId, Owner = owner, Confidence = Confidence.Confirmed,
            CreatedByAttacker = minted is not null,
            CreatedBy = minted?.Event.AccessKeyId is { } by ? KeyIdentity(by) : null,
            Reason = LocalText.English(reasons), Reasons = reasons,
            Arn = used.Select(e => e.PrincipalArn).FirstOrDefault(a => a is not null),
            FirstSeen = all.Count > 0 ? all.Min(e => e.EventTime) : null,
            LastSeen = all.Count > 0 ? all.Max(e => e.EventTime) : null,
            SourceIps = used.Select(e => e.SourceIp).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            UserAgents = used.Select(e => e.UserAgent).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            EventIds = all.Select(e => e.EventId).Distinct().ToList(),
        };
    }

    private static string KeyIdentity(string key) => key.StartsWith("ASIA", StringComparison.Ordinal) ? $"session-key:{key}" : $"access-key:{key}";
}
