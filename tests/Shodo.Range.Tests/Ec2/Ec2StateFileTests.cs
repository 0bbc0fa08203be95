using System.Text.Json;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Tests.Ec2;

/// <summary>EC2 state survives a round trip through JSON, as the range's state file needs.</summary>
public sealed class Ec2StateFileTests
{
    [Fact]
    public void Saved_ec2_state_loads_into_a_new_range_and_describes_the_same()
    {
        var before = new Ec2Direct();
        before.State.Regions.OptIn("me-south-1");
        before.Call("CreateKeyPair", ("KeyName", "attacker"));
        var group = before.Call("CreateSecurityGroup", ("GroupName", "open"), ("GroupDescription", "d")).Element("groupId")!.Value;
        before.Call("AuthorizeSecurityGroupIngress", ("GroupId", group), ("IpProtocol", "tcp"), ("FromPort", "22"), ("ToPort", "22"), ("CidrIp", "0.0.0.0/0"));
        var ids = before.RunInstances(2, ("KeyName", "attacker"), ("SecurityGroupId.1", group),
            ("TagSpecification.1.ResourceType", "instance"), ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "miner"));
        before.Call("RequestSpotInstances", ("Type", "persistent"), ("LaunchSpecification.ImageId", "ami-0abcdef1234567890"));
        before.Call("DescribeSpotInstanceRequests");
        before.Call("RequestSpotFleet", ("SpotFleetRequestConfig.IamFleetRole", "arn:aws:iam::123456789012:role/fleet"),
            ("SpotFleetRequestConfig.TargetCapacity", "2"), ("SpotFleetRequestConfig.Type", "maintain"),
            ("SpotFleetRequestConfig.LaunchSpecifications.1.ImageId", "ami-0abcdef1234567890"));
        before.Call("DescribeSpotFleetRequests");
        before.Call("CreateSnapshots", ("InstanceSpecification.InstanceId", ids[0]));
        before.Call("CreateImage", ("InstanceId", ids[1]), ("Name", "copy"));

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonDocument json;
        lock (before.State.Sync) json = JsonSerializer.SerializeToDocument(before.State.SaveEc2(), options);

        var after = new Ec2Direct();
        lock (after.State.Sync) after.State.LoadEc2(json.Deserialize<Ec2AccountData>(options)!);
        after.Time.SetUtcNow(before.Time.GetUtcNow());

        Assert.True(after.State.Regions.IsEnabled("me-south-1"));
        foreach (var action in new[] { "DescribeInstances", "DescribeSecurityGroups", "DescribeKeyPairs", "DescribeSpotInstanceRequests", "DescribeSpotFleetRequests", "DescribeVolumes", "DescribeSnapshots", "DescribeTags", "DescribeImages" })
            Assert.Equal(before.Call(action).ToString(), after.Call(action).ToString());
        var next = after.RunInstances(1)[0];
        Assert.DoesNotContain(next, ids);
        Assert.NotEqual(
            // The instance's own address (its network interfaces repeat it further down).
            before.Call("DescribeInstances", ("InstanceId.1", ids[0])).Descendants("privateIpAddress").First().Value,
            after.Call("DescribeInstances", ("InstanceId.1", next)).Descendants("privateIpAddress").First().Value);
    }

    [Fact]
    public async Task The_range_state_file_carries_ec2()
    {
        var before = new Ec2Direct();
        before.State.Regions.OptIn("il-central-1");
        var id = before.RunInstances(1, ("DisableApiTermination", "true"))[0];
        var path = Path.Combine(Path.GetTempPath(), $"shodo-range-ec2-{Guid.NewGuid():N}.json");
        try
        {
            await Shodo.Range.State.RangeStateFile.SaveAsync(before.State, path, CancellationToken.None);
            var after = new Ec2Direct();
            await Shodo.Range.State.RangeStateFile.LoadAsync(after.State, path, CancellationToken.None);
            Assert.True(after.State.Regions.IsEnabled("il-central-1"));
            Assert.Equal("OperationNotPermitted", after.Fails("TerminateInstances", ("InstanceId.1", id)).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
