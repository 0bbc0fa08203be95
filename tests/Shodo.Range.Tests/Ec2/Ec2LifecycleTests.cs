using System.Xml.Linq;
using System.Text.RegularExpressions;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Tests.Ec2;

/// <summary>Instance and Spot lifecycles driven by the simulated clock, through the EC2 handlers.</summary>
public sealed class Ec2LifecycleTests
{
    private readonly Ec2Direct _ec2 = new();

    [Fact]
    public void Instances_move_from_pending_to_running_and_through_stop_start_terminate_as_the_clock_advances()
    {
        var id = _ec2.RunInstances()[0];
        Assert.Matches(new Regex("^i-[0-9a-f]{17}$"), id);
        Assert.Equal("pending", _ec2.StateOf(id));
        _ec2.Advance(InstanceStates.BootTime);
        Assert.Equal("running", _ec2.StateOf(id));

        var stop = _ec2.Call("StopInstances", ("InstanceId.1", id));
        Assert.Equal("stopping", stop.Descendants("currentState").Single().Element("name")!.Value);
        Assert.Equal("running", stop.Descendants("previousState").Single().Element("name")!.Value);
        Assert.Equal("64", stop.Descendants("currentState").Single().Element("code")!.Value);
        _ec2.Advance(InstanceStates.StopTime);
        Assert.Equal("stopped", _ec2.StateOf(id));

        _ec2.Call("StartInstances", ("InstanceId.1", id));
        Assert.Equal("pending", _ec2.StateOf(id));
        _ec2.Advance(InstanceStates.BootTime);
        Assert.Equal("running", _ec2.StateOf(id));

        _ec2.Call("TerminateInstances", ("InstanceId.1", id));
        Assert.Equal("shutting-down", _ec2.StateOf(id));
        _ec2.Advance(InstanceStates.ShutdownTime);
        Assert.Equal("terminated", _ec2.StateOf(id));
        Assert.Empty(Ec2Direct.Items(_ec2.Call("DescribeVolumes"), "volumeSet"));

        _ec2.Advance(InstanceStates.TerminatedVisibleFor + TimeSpan.FromMinutes(1));
        Assert.Equal("InvalidInstanceID.NotFound", _ec2.Fails("DescribeInstances", ("InstanceId.1", id)).Code);
    }

    [Fact]
    public void Protection_attributes_refuse_stop_and_terminate_until_cleared()
    {
        var id = _ec2.RunInstances(1, ("DisableApiTermination", "true"))[0];
        var refused = _ec2.Fails("TerminateInstances", ("InstanceId.1", id));
        Assert.Equal("OperationNotPermitted", refused.Code);
        Assert.Contains("disableApiTermination", refused.Message);

        _ec2.Call("ModifyInstanceAttribute", ("InstanceId", id), ("DisableApiStop.Value", "true"));
        Assert.Equal("OperationNotPermitted", _ec2.Fails("StopInstances", ("InstanceId.1", id)).Code);
        var attr = _ec2.Call("DescribeInstanceAttribute", ("InstanceId", id), ("Attribute", "disableApiStop"));
        Assert.Equal("true", attr.Element("disableApiStop")!.Element("value")!.Value);

        _ec2.Call("ModifyInstanceAttribute", ("InstanceId", id), ("Attribute", "disableApiTermination"), ("Value", "false"));
        _ec2.Call("ModifyInstanceAttribute", ("InstanceId", id), ("DisableApiStop.Value", "false"));
        _ec2.Call("StopInstances", ("InstanceId.1", id));
        Assert.Equal("stopping", _ec2.StateOf(id));

        Assert.Equal("IncorrectInstanceState",
            _ec2.Fails("ModifyInstanceAttribute", ("InstanceId", id), ("InstanceType.Value", "t3.large")).Code);
        _ec2.Advance(InstanceStates.StopTime);
        _ec2.Call("ModifyInstanceAttribute", ("InstanceId", id), ("InstanceType.Value", "t3.large"));
        Assert.Equal("t3.large", _ec2.Call("DescribeInstanceAttribute", ("InstanceId", id), ("Attribute", "instanceType"))
            .Element("instanceType")!.Element("value")!.Value);
    }

    [Fact]
    public void A_one_time_spot_instance_cannot_be_stopped_and_terminating_it_closes_its_request()
    {
        var id = _ec2.RunInstances(1, ("InstanceMarketOptions.MarketType", "spot"))[0];
        var instance = _ec2.Call("DescribeInstances", ("InstanceId.1", id)).Descendants("instancesSet").Single().Element("item")!;
        Assert.Equal("spot", instance.Element("instanceLifecycle")!.Value);
        var requestId = instance.Element("spotInstanceRequestId")!.Value;

        var refused = _ec2.Fails("StopInstances", ("InstanceId.1", id));
        Assert.Equal("UnsupportedOperation", refused.Code);
        Assert.Equal($"You can't stop the Spot Instance '{id}' because it is associated with a one-time Spot Instance request. You can only stop Spot Instances associated with persistent Spot Instance requests.", refused.Message);

        _ec2.Call("TerminateInstances", ("InstanceId.1", id));
        var request = Ec2Direct.Items(_ec2.Call("DescribeSpotInstanceRequests", ("SpotInstanceRequestId.1", requestId)), "spotInstanceRequestSet").Single();
        Assert.Equal("closed", request.Element("state")!.Value);
        Assert.Equal("instance-terminated-by-user", request.Element("status")!.Element("code")!.Value);
    }

    [Fact]
    public void A_persistent_request_relaunches_after_termination_until_cancelled_and_cancelling_leaves_the_instance_running()
    {
        var made = _ec2.Call("RequestSpotInstances", ("Type", "persistent"), ("InstanceInterruptionBehavior", "stop"),
            ("LaunchSpecification.ImageId", "ami-0abcdef1234567890"), ("LaunchSpecification.InstanceType", "g4dn.xlarge"));
        var requestId = Ec2Direct.Items(made, "spotInstanceRequestSet").Single().Element("spotInstanceRequestId")!.Value;
        Assert.Matches("^sir-[0-9a-f]{8}$", requestId);

        string InstanceOf() => Ec2Direct.Items(_ec2.Call("DescribeSpotInstanceRequests", ("SpotInstanceRequestId.1", requestId)),
            "spotInstanceRequestSet").Single().Element("instanceId")!.Value;
        var first = InstanceOf();
        _ec2.Advance(InstanceStates.BootTime);
        _ec2.Call("TerminateInstances", ("InstanceId.1", first));
        var second = InstanceOf();
        Assert.NotEqual(first, second);

        _ec2.Advance(InstanceStates.BootTime);
        _ec2.Call("StopInstances", ("InstanceId.1", second));
        var disabled = Ec2Direct.Items(_ec2.Call("DescribeSpotInstanceRequests"), "spotInstanceRequestSet").Single();
        Assert.Equal("disabled", disabled.Element("state")!.Value);
        _ec2.Advance(InstanceStates.StopTime);
        _ec2.Call("StartInstances", ("InstanceId.1", second));
        _ec2.Advance(InstanceStates.BootTime);

        var cancelled = _ec2.Call("CancelSpotInstanceRequests", ("SpotInstanceRequestId.1", requestId));
        Assert.Equal("cancelled", Ec2Direct.Items(cancelled, "spotInstanceRequestSet").Single().Element("state")!.Value);
        Assert.Equal("running", _ec2.StateOf(second));
        _ec2.Call("TerminateInstances", ("InstanceId.1", second));
        Assert.Equal(second, InstanceOf());
        Assert.Equal(2, _ec2.Call("DescribeInstances", ("Filter.1.Name", "spot-instance-request-id"), ("Filter.1.Value.1", requestId))
            .Descendants("instancesSet").Elements("item").Count());
    }

    [Fact]
    public void Regions_not_opted_into_refuse_ec2_calls_and_opting_in_enables_them()
    {
        var all = Ec2Direct.Items(_ec2.Call("DescribeRegions", ("AllRegions", "true")), "regionInfo").ToList();
        var enabled = Ec2Direct.Items(_ec2.Call("DescribeRegions"), "regionInfo").ToList();
        Assert.Equal(17, enabled.Count);
        Assert.True(all.Count > enabled.Count);
        Assert.Equal("not-opted-in", all.Single(r => r.Element("regionName")!.Value == "af-south-1").Element("optInStatus")!.Value);

        var refused = Assert.Throws<Shodo.Range.Serving.AwsError>(() => _ec2.Call("DescribeInstances", "af-south-1"));
        Assert.Equal("AuthFailure", refused.Code);
        _ec2.State.Regions.OptIn("af-south-1");
        Assert.Empty(_ec2.Call("DescribeInstances", "af-south-1").Element("reservationSet")!.Elements());
        Assert.Equal(18, Ec2Direct.Items(_ec2.Call("DescribeRegions"), "regionInfo").Count());
    }

    [Fact]
    public void Run_instances_records_cloudtrail_elements_without_user_data()
    {
        var ids = _ec2.RunInstances(2, ("UserData", Convert.ToBase64String("#!/bin/sh\nxmrig"u8.ToArray())));
        var call = _ec2.LastCall!;
        Assert.Equal("<sensitiveDataRemoved>", call.RequestParameters!["userData"]!.GetValue<string>());
        Assert.Equal("ami-0abcdef1234567890", call.RequestParameters["instancesSet"]!["items"]![0]!["imageId"]!.GetValue<string>());
        var launched = call.ResponseElements!["instancesSet"]!["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>());
        Assert.Equal(ids, launched);

        _ec2.Call("StopInstances", ("InstanceId.1", ids[0]), ("InstanceId.2", ids[1]));
        var stopped = _ec2.LastCall!.RequestParameters!["instancesSet"]!["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>());
        Assert.Equal(ids, stopped);
        _ec2.Call("DescribeInstances", ("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "a"), ("Filter.1.Value.2", "b"));
        var filter = _ec2.LastCall!.RequestParameters!["filterSet"]!["items"]![0]!;
        Assert.Equal("tag:Name", filter["name"]!.GetValue<string>());
        Assert.Equal(["a", "b"], filter["valueSet"]!["items"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
        Assert.Null(_ec2.LastCall.ResponseElements);
    }

    [Fact]
    public void A_clock_set_back_launches_with_the_backdated_time_and_settles_from_there()
    {
        _ec2.RunInstances();
        var hoursAgo = _ec2.State.Clock.Now.AddHours(-6);
        _ec2.State.Clock.Set(hoursAgo);
        var id = _ec2.RunInstances()[0];
        var launched = _ec2.Call("DescribeInstances", ("InstanceId.1", id)).Descendants("launchTime").Single().Value;
        Assert.Equal(hoursAgo.UtcDateTime, DateTimeOffset.Parse(launched).UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal("pending", _ec2.StateOf(id));
        _ec2.Advance(InstanceStates.BootTime);
        Assert.Equal("running", _ec2.StateOf(id));
    }
}
