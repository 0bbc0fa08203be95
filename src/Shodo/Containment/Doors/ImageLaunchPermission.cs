using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// An AMI whose launchPermission lets outside accounts (or the group <c>all</c>: anyone) launch it — a copy of a server's
/// disks, readable by whoever launches it. Closed with ModifyImageAttribute removing every launch permission it holds when
/// applying; re-opened by adding back exactly the permissions it held before.
/// </summary>
public sealed class ImageLaunchPermission : IDataDoor
{
    private const string Attribute = "launchPermission", Public = "all";

    public string Kind => TargetKinds.Image;

    public IReadOnlyList<AwsOperation> Operations => [Ec2Operations.DescribeImageAttribute, Ec2Operations.ModifyImageAttribute];

    public string HowToReverse => "shodo rollback gives back launchPermission to exactly the accounts (or all) that had it before";

    public async Task<JsonObject> ReadAsync(ContainmentContext c, ContainmentTarget t, CancellationToken ct)
    {
        try
        {
            var answer = await c.Aws.Ec2(t.Region).DescribeImageAttributeAsync(
                new DescribeImageAttributeRequest { ImageId = t.Id, Attribute = ImageAttributeName.LaunchPermission }, ct).ConfigureAwait(false);
            var who = (answer.ImageAttribute?.LaunchPermissions ?? []).Select(p => p.UserId ?? p.Group?.Value).OfType<string>();
            return new JsonObject
            {
                ["exists"] = true, ["imageId"] = t.Id, ["region"] = t.Region,
                [Attribute] = new JsonArray(who.Select(v => (JsonNode)v!).ToArray()),
            };
        }
        catch (AwsServiceError e) when (e.Code is "InvalidAMIID.NotFound" or "InvalidAMIID.Unavailable")
        {
            return new JsonObject { ["exists"] = false, ["imageId"] = t.Id, ["region"] = t.Region };
        }
    }

    public IReadOnlyList<string> OpenTo(JsonObject state) =>
        state[Attribute] is JsonArray who ? who.Select(v => (string)v!).ToList() : [];

    public string ExpectedAfter(PlannedAction a) =>
        $"AMI {a.Target.Id} gives no other account launchPermission (listed at apply time)";

    public Task CloseAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct) =>
        OpenTo(state) is { Count: > 0 } remove ? ModifyAsync(c, a, [], remove, ct) : Task.CompletedTask;

    public Task ReopenAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct) =>
        OpenTo(before).Except(OpenTo(state), StringComparer.Ordinal).ToList() is { Count: > 0 } add ? ModifyAsync(c, a, add, [], ct) : Task.CompletedTask;

    private static async Task ModifyAsync(ContainmentContext c, PlannedAction a, IReadOnlyList<string> add, IReadOnlyList<string> remove,
        CancellationToken ct)
    {
        var modifications = new LaunchPermissionModifications();
        if (add.Count > 0) modifications.Add = Permissions(add);
        if (remove.Count > 0) modifications.Remove = Permissions(remove);
        await c.Aws.Ec2(a.Target.Region).ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = a.Target.Id, Attribute = Attribute, LaunchPermission = modifications,
        }, ct).ConfigureAwait(false);
        var request = new JsonObject { ["imageId"] = a.Target.Id, ["attribute"] = Attribute };
        if (add.Count > 0) request["add"] = new JsonArray(add.Select(v => (JsonNode)v!).ToArray());
        if (remove.Count > 0) request["remove"] = new JsonArray(remove.Select(v => (JsonNode)v!).ToArray());
        await c.ChangedAsync(a, Ec2Operations.ModifyImageAttribute, request).ConfigureAwait(false);
    }

    private static List<LaunchPermission> Permissions(IEnumerable<string> who) =>
        who.Select(w => w == Public ? new LaunchPermission { Group = PermissionGroup.All } : new LaunchPermission { UserId = w }).ToList();
}
