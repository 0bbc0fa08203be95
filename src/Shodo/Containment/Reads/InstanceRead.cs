using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Shodo.Aws.Errors;

namespace Shodo.Containment.Reads;

/// <summary>
/// An instance as containment sees it: state, VPC, security groups, volumes, how it was bought (spot
/// request, lifecycle), root device type, stop and termination protection, tags. Reads only.
/// </summary>
public static class InstanceRead
{
    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string region, string instanceId,
        bool attributes, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(region);
        Instance? instance;
        try
        {
            var answer = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, ct)
                .ConfigureAwait(false);
            instance = (answer.Reservations ?? []).SelectMany(r => r.Instances ?? []).FirstOrDefault(i => i.InstanceId == instanceId);
        }
        catch (AwsServiceError e) when (e.Code is "InvalidInstanceID.NotFound")
        {
            instance = null;
        }
        if (instance is null) return new JsonObject { ["exists"] = false, ["instanceId"] = instanceId, ["region"] = region };
        var state = new JsonObject
        {
            ["exists"] = true,
            ["instanceId"] = instance.InstanceId,
            ["region"] = region,
            ["state"] = instance.State?.Name?.Value,
            ["stateTransitionReason"] = instance.StateTransitionReason,
            ["instanceType"] = instance.InstanceType?.Value,
            ["vpcId"] = instance.VpcId,
            ["rootDeviceType"] = instance.RootDeviceType?.Value,
            ["lifecycle"] = instance.InstanceLifecycle?.Value,
            ["spotInstanceRequestId"] = instance.SpotInstanceRequestId,
            ["keyName"] = instance.KeyName,
            ["launchTime"] = instance.LaunchTime?.ToUniversalTime().ToString("O"),
            ["securityGroups"] = Strings((instance.SecurityGroups ?? []).Select(g => g.GroupId).Order(StringComparer.Ordinal)),
            ["networkInterfaces"] = new JsonArray((instance.NetworkInterfaces ?? [])
                .OrderBy(n => n.Attachment?.DeviceIndex ?? 0).Select(n => (JsonNode?)new JsonObject
                {
                    ["networkInterfaceId"] = n.NetworkInterfaceId,
                    ["deviceIndex"] = n.Attachment?.DeviceIndex,
                    ["groups"] = Strings((n.Groups ?? []).Select(g => g.GroupId).Order(StringComparer.Ordinal)),
                }).ToArray()),
            ["volumes"] = Strings((instance.BlockDeviceMappings ?? []).Where(b => b.Ebs is not null).Select(b => b.Ebs.VolumeId)),
            ["tags"] = new JsonObject((instance.Tags ?? []).Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
        if (attributes)
        {
            state["disableApiStop"] = (await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest
            {
                InstanceId = instanceId, Attribute = InstanceAttributeName.DisableApiStop,
            }, ct).ConfigureAwait(false)).InstanceAttribute?.DisableApiStop ?? false;
            state["disableApiTermination"] = (await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest
            {
                InstanceId = instanceId, Attribute = InstanceAttributeName.DisableApiTermination,
            }, ct).ConfigureAwait(false)).InstanceAttribute?.DisableApiTermination ?? false;
        }
        return state;
    }

    public static bool Exists(JsonObject state) => (bool?)state["exists"] == true;
    public static string? Name(JsonObject state) => (string?)state["state"];
    public static bool IsGone(JsonObject state) => !Exists(state) || Name(state) is "shutting-down" or "terminated";

    public static IReadOnlyList<string> List(JsonObject state, string field) =>
        (state[field] as JsonArray ?? []).Select(n => (string)n!).ToList();

    /// <summary>Each network interface's id and security groups (primary first), as read.</summary>
    public static IReadOnlyList<(string Id, IReadOnlyList<string> Groups)> Interfaces(JsonObject state) =>
        (state["networkInterfaces"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(n => ((string)n["networkInterfaceId"]!, List(n, "groups"))).ToList();

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
