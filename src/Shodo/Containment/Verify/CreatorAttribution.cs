using System.Runtime.ExceptionServices;
using System.Text.Json;
using Shodo.Aws.Connection;
using Shodo.Containment.Plan;
using Shodo.Trail;
using Shodo.Trail.Lookup;
using Shodo.Trail.Records;

namespace Shodo.Containment.Verify;

/// <summary>
/// Who created a resource that appeared since planning, from CloudTrail's management events
/// (LookupEvents by event name since the plan): the resource is the attacker's when the caller was an
/// attacker user, one of their keys, or a session minted by one.
/// </summary>
public sealed class CreatorAttribution(AwsConnection aws, ContainmentPlan plan)
{
    private readonly HashSet<string> _users = new(plan.Attackers.UserNames, StringComparer.Ordinal);

    /// <summary>A user the attacker created since planning: what it creates is the attacker's too.</summary>
    public void AddAttackerUser(string userName)
    {
        lock (_users) _users.Add(userName);
    }

    /// <summary>Resource id → attacker identity id, for events named <paramref name="eventName"/> in the region.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(string region, string eventName, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = await new LookupEventsReader(aws, new LookupEventsReadOptions { PageAttempts = 1 })
            .ReadAsync(LookupQuery.EventName(eventName, new TrailWindow(plan.PlannedAt.AddMinutes(-5), null)), region, ct).ConfigureAwait(false);
        if (read.Error is { } error) ExceptionDispatchInfo.Throw(error);
        foreach (var record in read.Records)
        {
            if (record.Failed) continue;
            if (Attacker(record) is not { } who) continue;
            foreach (var id in Created(record.Raw, eventName)) found[id] = who;
        }
        return found;
    }

    private string? Attacker(TrailRecord record)
    {
        bool known;
        lock (_users) known = record.UserName is { } user && _users.Contains(user);
        if (known) return $"user:{record.UserName}";
        if (record.AccessKeyId is { } key && plan.Attackers.AccessKeyIds.Contains(key)) return $"access-key:{key}";
        return null;
    }

    private static IEnumerable<string> Created(JsonElement record, string eventName)
    {
        if (eventName == "RunInstances" && record.TryGetProperty("responseElements", out var r) && r.ValueKind == JsonValueKind.Object
            && r.TryGetProperty("instancesSet", out var set) && set.TryGetProperty("items", out var items))
            foreach (var item in items.EnumerateArray())
                if (Text(item, "instanceId") is { } id) yield return id;
        if (eventName is "CreateUser" or "CreateAccessKey" && record.TryGetProperty("requestParameters", out var p)
            && p.ValueKind == JsonValueKind.Object && Text(p, "userName") is { } name)
            yield return name;
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
