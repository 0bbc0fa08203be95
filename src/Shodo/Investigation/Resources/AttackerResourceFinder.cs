using System.Text.Json.Nodes;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Evidence.Snapshot;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Resources;

/// <summary>
/// What the attacker identities created or changed, joined with the collected state: instances (with
/// market, Spot request and how they would relaunch — including instances a persistent Spot request
/// launched by itself), Spot requests, key pairs, security groups, users, keys, login profiles, policy
/// attachments, snapshots shared outside, and Auto Scaling groups with the instances they launched. A resource the collected state shows is gone is left out;
/// one whose region or service was not collected is kept with state "unknown".
/// </summary>
public sealed partial class AttackerResourceFinder(AccountSnapshot state, ChainResult chain)
{
    private readonly Dictionary<string, AttackerResource> _found = new(StringComparer.Ordinal);

    public IReadOnlyList<AttackerResource> Find()
    {
        foreach (var e in chain.AttackerEvents.Where(e => !e.Failed)) FromEvent(e);
        foreach (var request in _found.Values.Where(r => r.Type == ResourceTypes.SpotRequest).ToList())
            foreach (var instance in state.Instances.Where(i => i.SpotInstanceRequestId == request.ResourceId))
                AddInstance(instance.Region, instance.InstanceId, request.CreatedBy, request.CreatedAt, request.EventIds);
        foreach (var instance in _found.Values.Where(r => r.Type == ResourceTypes.Instance).ToList())
            if (state.Instances.FirstOrDefault(i => i.InstanceId == instance.ResourceId)?.SpotInstanceRequestId is { } sir)
                AddSpotRequest(instance.Region!, sir, instance.CreatedBy, instance.CreatedAt, instance.EventIds);
        return _found.Values.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal)
            .ThenBy(r => r.ResourceId, StringComparer.Ordinal).ToList();
    }

    private void FromEvent(TrailRecord e)
    {
        var by = IdentityOf(e);
        var region = e.Region ?? "";
        IReadOnlyList<string> ids = [e.EventId];
        var response = e.Raw.TryGetProperty("responseElements", out var r) ? r : default;
        var request = e.Raw.TryGetProperty("requestParameters", out var q) ? q : default;
        switch (e.EventName)
        {
            case "RunInstances":
                foreach (var id in TrailRecordJson.All(response, "instanceId").Distinct()) AddInstance(region, id, by, e.EventTime, ids);
                break;
            case "RequestSpotInstances":
                foreach (var id in TrailRecordJson.All(response, "spotInstanceRequestId").Distinct()) AddSpotRequest(region, id, by, e.EventTime, ids);
                break;
            case "RequestSpotFleet":
                foreach (var id in TrailRecordJson.All(response, "spotFleetRequestId").Distinct())
                {
                    Add(ResourceTypes.SpotFleet, region, id, by, e, null, false, new JsonObject
                    {
                        ["relaunch"] = "a Spot Fleet of type maintain replaces an instance that stops running unless its target capacity is lowered first",
                    }, "active");
                    // Its instances are the attacker's too, though the fleet, not the attacker, launched them.
                    foreach (var member in state.Instances.Where(i => i.Region == region && i.SpotFleetRequestId == id).ToList())
                        AddInstance(region, member.InstanceId, by, e.EventTime, ids);
                }
                break;
            case "CreateFleet":
                // CloudTrail may wrap both in CreateFleetRequest / CreateFleetResponse: found anywhere under them.
                foreach (var fleetId in TrailRecordJson.All(response, "fleetId").Distinct())
                {
                    Add(ResourceTypes.Ec2Fleet, region, fleetId, by, e, null, false, new JsonObject
                    {
                        ["type"] = TrailRecordJson.All(request, "type").Concat(TrailRecordJson.All(request, "Type")).FirstOrDefault() ?? "maintain",
                        ["relaunch"] = "an EC2 Fleet of type maintain replaces an instance that stops running unless its target capacity is lowered first",
                    }, "active");
                    // Its instances are the attacker's too, though the fleet, not the attacker, launched them.
                    foreach (var member in state.Instances.Where(i => i.Region == region && i.FleetId == fleetId).ToList())
                        AddInstance(region, member.InstanceId, by, e.EventTime, ids);
                }
                break;
            case "CreateAutoScalingGroup":
                if (TrailRecordJson.Path(request, "autoScalingGroupName") is { } groupName)
                {
                    var fact = state.AutoScalingGroups.FirstOrDefault(g => g.Region == region && g.Name == groupName);
                    Add(ResourceTypes.AutoScalingGroup, region, groupName, by, e, fact?.Evidence, fact is null && state.AutoScalingGroups.Count > 0,
                        new JsonObject
                        {
                            ["launchTemplateName"] = fact?.LaunchTemplateName, ["desiredCapacity"] = fact?.DesiredCapacity,
                            ["relaunch"] = "its Auto Scaling group terminates and replaces a stopped instance unless its processes are suspended",
                        }, "active");
                    // Its instances are the attacker's too, though no RunInstances of the attacker's launched them.
                    foreach (var member in fact?.InstanceIds ?? []) AddInstance(region, member, by, e.EventTime, ids);
                }
                break;
            case "ImportKeyPair" or "CreateKeyPair":
                if ((TrailRecordJson.Path(response, "keyName") ?? TrailRecordJson.Path(request, "keyName")) is { } key)
                {
                    var fact = state.KeyPairs.FirstOrDefault(k => k.Region == region && k.KeyName == key);
                    Add(ResourceTypes.KeyPair, region, key, by, e, fact?.Evidence, fact is null && Collected("DescribeKeyPairs"),
                        new JsonObject { ["keyPairId"] = fact?.KeyPairId ?? TrailRecordJson.Path(response, "keyPairId") }, "available");
                }
                break;
            case "CreateSecurityGroup":
                if (TrailRecordJson.Path(response, "groupId") is { } group)
                {
                    var fact = state.SecurityGroups.FirstOrDefault(g => g.GroupId == group);
                    Add(ResourceTypes.SecurityGroup, region, group, by, e, fact?.Evidence, fact is null && state.SecurityGroups.Count > 0,
                        new JsonObject { ["groupName"] = fact?.GroupName ?? TrailRecordJson.Path(request, "groupName") }, "available");
                }
                break;
            case "CreateUser":
                if ((TrailRecordJson.Path(response, "user", "userName") ?? TrailRecordJson.Path(request, "userName")) is { } user)
                {
                    var fact = state.Users.FirstOrDefault(u => u.UserName == user);
                    Add(ResourceTypes.User, null, user, by, e, fact?.Evidence, fact is null && state.Users.Count > 0,
                        new JsonObject { ["arn"] = fact?.Arn }, "active");
                }
                break;
            case "CreateAccessKey":
                if (TrailRecordJson.Path(response, "accessKey", "accessKeyId") is { } accessKey)
                {
                    var fact = state.AccessKeys.FirstOrDefault(k => k.AccessKeyId == accessKey);
                    Add(ResourceTypes.AccessKey, null, accessKey, by, e, fact?.Evidence, fact is null && state.AccessKeys.Count > 0,
                        new JsonObject { ["userName"] = fact?.UserName ?? TrailRecordJson.Path(response, "accessKey", "userName") }, fact?.Status);
                }
                break;
            case "CreateLoginProfile" or "UpdateLoginProfile":
                if (TrailRecordJson.Path(request, "userName") is { } profileUser)
                {
                    var fact = state.LoginProfiles.FirstOrDefault(p => p.UserName == profileUser);
                    Add(ResourceTypes.LoginProfile, null, profileUser, by, e, fact?.Evidence, fact is null && state.Users.Count > 0,
                        new JsonObject { ["userName"] = profileUser }, "active");
                }
                break;
            case "AttachUserPolicy":
                if (TrailRecordJson.Path(request, "userName") is { } u && TrailRecordJson.Path(request, "policyArn") is { } arn)
                {
                    var fact = state.Attachments.FirstOrDefault(a => a.UserName == u && a.PolicyArn == arn);
                    Add(ResourceTypes.PolicyAttachment, null, $"{u}|{arn}", by, e, fact?.Evidence, fact is null && state.Users.Count > 0,
                        new JsonObject { ["userName"] = u, ["policyArn"] = arn }, "attached");
                }
                break;
            case "ModifySnapshotAttribute":
                if (TrailRecordJson.Path(request, "snapshotId") is { } ebs && SharesOut(request, "createVolumePermission") is { Count: > 0 } granted)
                    Add(ResourceTypes.SharedEbsSnapshot, region, ebs, by, e, null, false,
                        new JsonObject { ["sharedWith"] = new JsonArray(granted.Select(s => (JsonNode)s!).ToArray()) }, "shared");
                break;
            case "ModifyImageAttribute":
                if (TrailRecordJson.Path(request, "imageId") is { } image && SharesOut(request, "launchPermission") is { Count: > 0 } launchers)
                    Add(ResourceTypes.SharedImage, region, image, by, e, null, false,
                        new JsonObject { ["sharedWith"] = new JsonArray(launchers.Select(s => (JsonNode)s!).ToArray()) }, "shared");
                break;
            case "PutBucketPolicy" or "PutBucketAcl" or "PutPublicAccessBlock" or "DeletePublicAccessBlock":
                if (TrailRecordJson.Path(request, "bucketName") is { } bucket) AddOpenedBucket(bucket, e, by, request);
                break;
            case "ModifyDBSnapshotAttribute":
                if (TrailRecordJson.Path(request, "dBSnapshotIdentifier") is { } snapshot)
                    AddSharedDbSnapshot(ResourceTypes.SharedDbSnapshot, region, snapshot, cluster: false, by, e, request);
                break;
            case "CreateResourceShare" or "AssociateResourceShare":
                AddResourceShare(region, e, by, request, response);
                break;
            case "CreateGrant":
                AddKmsGrant(region, e, by, request, response);
                break;
            case "PutKeyPolicy":
                AddOpenedKeyPolicy(region, e, by, request);
                break;
            case "PutAccountPublicAccessBlock" or "DeleteAccountPublicAccessBlock":
                AddWeakenedAccountBlock(e, by, request);
                break;
            case "ModifyDBClusterSnapshotAttribute":
                if (TrailRecordJson.Path(request, "dBClusterSnapshotIdentifier") is { } clusterSnapshot)
                    AddSharedDbSnapshot(ResourceTypes.SharedDbClusterSnapshot, region, clusterSnapshot, cluster: true, by, e, request);
                break;
        }
    }

    /// <summary>A DB (or Aurora cluster) snapshot whose restore attribute the attacker gave outside accounts.</summary>
    private void AddSharedDbSnapshot(string type, string region, string snapshot, bool cluster, string? by, TrailRecord e,
        System.Text.Json.JsonElement request)
    {
        var fact = state.DbSnapshots.FirstOrDefault(s => s.Region == region && s.SnapshotId == snapshot && s.Cluster == cluster);
        // What the attacker shared stays what it did, even once the door is shut again (by containment, before
        // a resumed or late investigation reads it): the event says with whom; the state says whether it is open now.
        var added = TrailRecordJson.All(request, "valuesToAdd").ToList();
        var shared = fact is { RestoreAccounts.Count: > 0 } ? fact.RestoreAccounts : added;
        if (shared.Count == 0) return;
        Add(type, region, snapshot, by, e, fact?.Evidence, false,
            new JsonObject
            {
                ["sharedWith"] = new JsonArray(shared.Select(s => (JsonNode)s!).ToArray()),
                ["openNow"] = fact is null ? null : fact.RestoreAccounts.Count > 0,
            }, "shared");
    }

    /// <summary>
    /// A bucket whose policy, ACL or Block Public Access the attacker changed: the door is the bucket, open since the first
    /// such change; <c>sharedWith</c> gathers whom its policies let in (<c>all</c>, outside accounts) and a public ACL
    /// (<c>all</c>), <c>changes</c> what it did — across all its events.
    /// </summary>
    private void AddOpenedBucket(string bucket, TrailRecord e, string? by, System.Text.Json.JsonElement request)
    {
        var fact = state.Buckets.FirstOrDefault(b => b.Name == bucket);
        if (fact is null && state.Buckets.Count > 0) return;
        var who = new List<string>();
        if (e.EventName == "PutBucketPolicy" && request.TryGetProperty("bucketPolicy", out var policy))
            who.AddRange(Shodo.Aws.S3.BucketPolicyGrants.Allowed(JsonNode.Parse(policy.GetRawText()), Owner(e)));
        if (e.EventName == "PutBucketAcl" && request.GetRawText().Contains("/groups/global/", StringComparison.Ordinal))
            who.Add(Shodo.Aws.S3.BucketPolicyGrants.Everyone);
        var region = fact?.Region ?? e.Region ?? "";
        var earlier = _found.GetValueOrDefault(ResourceId.Of(ResourceTypes.OpenedBucket, region, bucket));
        var shared = (earlier?.Attributes["sharedWith"] as JsonArray)?.Select(v => (string)v!) ?? [];
        var changes = (earlier?.Attributes["changes"] as JsonArray)?.Select(v => (string)v!) ?? [];
        var attributes = new JsonObject
        {
            ["changes"] = new JsonArray(changes.Append(e.EventName).Distinct().Select(v => (JsonNode)v!).ToArray()),
        };
        if (shared.Union(who).ToList() is { Count: > 0 } all) attributes["sharedWith"] = new JsonArray(all.Select(v => (JsonNode)v!).ToArray());
        if (earlier is not null)
        {
            _found[earlier.Id] = earlier with { Attributes = attributes, EventIds = earlier.EventIds.Append(e.EventId).Distinct().ToList() };
            return;
        }
        Add(ResourceTypes.OpenedBucket, region, bucket, by, e, fact?.Evidence, false, attributes, "opened");
    }

    /// <summary>The account the event happened in (its principal's, else the recipient).</summary>
    private static string? Owner(TrailRecord e) =>
        e.AccountId ?? (e.Raw.TryGetProperty("recipientAccountId", out var a) ? a.GetString() : null);

    /// <summary>
    /// The accounts (or <c>all</c>) an EBS ModifySnapshotAttribute gave createVolumePermission (an AMI's ModifyImageAttribute:
    /// launchPermission): its "add" part, or the flat form with operationType add — <c>UserId.N</c> recorded as
    /// <c>userIdSet.items[].userId</c>, <c>UserGroup.N</c> (<c>all</c>: public) as <c>userGroupSet.items[].userGroup</c>.
    /// </summary>
    private static List<string> SharesOut(System.Text.Json.JsonElement request, string permission)
    {
        var add = request.TryGetProperty(permission, out var cvp) && cvp.ValueKind == System.Text.Json.JsonValueKind.Object
                  && cvp.TryGetProperty("add", out var a) ? a
            : TrailRecordJson.Path(request, "operationType") is "add" ? request : default;
        return add.ValueKind == System.Text.Json.JsonValueKind.Undefined ? []
            : TrailRecordJson.All(add, "userId").Concat(TrailRecordJson.All(add, "group")).Concat(TrailRecordJson.All(add, "userGroup"))
                .Distinct().ToList();
    }

    private bool Collected(string operation) => state.KeyPairs.Count > 0 || operation.Length == 0;

    private void AddInstance(string region, string id, string? by, DateTimeOffset? at, IReadOnlyList<string> events)
    {
        var fact = state.Instances.FirstOrDefault(i => i.InstanceId == id);
        if (fact is null && state.Instances.Count > 0) return;
        var spot = fact?.SpotInstanceRequestId is { } sir ? state.SpotRequests.FirstOrDefault(s => s.SpotInstanceRequestId == sir) : null;
        var market = fact?.SpotInstanceRequestId is null ? "on-demand" : spot?.Type == "persistent" ? "spot-persistent" : "spot-one-time";
        var attributes = new JsonObject
        {
            ["instanceType"] = fact?.InstanceType, ["market"] = fact is null ? null : market,
            ["spotInstanceRequestId"] = fact?.SpotInstanceRequestId, ["keyName"] = fact?.KeyName,
            ["launchTime"] = fact?.LaunchTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["relaunch"] = market == "spot-persistent" ? "its persistent Spot request launches a replacement if it is stopped or terminated" : null,
        };
        Merge(new AttackerResource
        {
            Id = ResourceId.Of(ResourceTypes.Instance, region, id), Type = ResourceTypes.Instance, Region = region, ResourceId = id,
            State = fact?.State ?? "unknown", CreatedBy = by, CreatedAt = fact?.LaunchTime ?? at, Attributes = Clean(attributes),
            EventIds = events, Evidence = fact is null ? [] : [fact.Evidence],
        });
    }

    private void AddSpotRequest(string region, string id, string? by, DateTimeOffset? at, IReadOnlyList<string> events)
    {
        var fact = state.SpotRequests.FirstOrDefault(s => s.SpotInstanceRequestId == id);
        if (fact is null && state.SpotRequests.Count > 0) return;
        Merge(new AttackerResource
        {
            Id = ResourceId.Of(ResourceTypes.SpotRequest, region, id), Type = ResourceTypes.SpotRequest, Region = region, ResourceId = id,
            State = fact?.State ?? "unknown", CreatedBy = by, CreatedAt = at,
            Attributes = Clean(new JsonObject { ["type"] = fact?.Type, ["instanceId"] = fact?.InstanceId, ["instanceType"] = fact?.InstanceType }),
            EventIds = events, Evidence = fact is null ? [] : [fact.Evidence],
        });
    }

    private void Add(string type, string? region, string id, string? by, TrailRecord e, string? evidence, bool gone, JsonObject attributes, string? stateName)
    {
        if (gone) return;
        Merge(new AttackerResource
        {
            Id = ResourceId.Of(type, region, id), Type = type, Region = region, ResourceId = id, Name = type == ResourceTypes.User ? id : null,
            State = evidence is null ? "unknown" : stateName, CreatedBy = by, CreatedAt = e.EventTime, Attributes = Clean(attributes),
            EventIds = [e.EventId], Evidence = evidence is null ? [] : [evidence],
        });
    }

    private void Merge(AttackerResource resource)
    {
        if (_found.TryGetValue(resource.Id, out var existing))
            resource = existing with { EventIds = existing.EventIds.Union(resource.EventIds).ToList() };
        _found[resource.Id] = resource;
    }

    private static JsonObject Clean(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
        return o;
    }

    private string? IdentityOf(TrailRecord e) => EventIdentity.Of(e, chain);
}
