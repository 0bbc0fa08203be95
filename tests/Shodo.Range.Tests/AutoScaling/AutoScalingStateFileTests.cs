using Shodo.Range.State;
using Shodo.Range.State.AutoScaling;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Tests.AutoScaling;

/// <summary>Auto Scaling groups travel in the state file: members, health and suspended processes come back as they were.</summary>
public sealed class AutoScalingStateFileTests
{
    [Fact]
    public async Task A_saved_group_loads_with_its_members_and_suspended_processes_and_keeps_holding_them()
    {
        var clock = new RangeClock(TimeProvider.System);
        var state = new RangeState("111122223333", clock);
        lock (state.Sync)
        {
            var ec2 = state.Ec2("eu-west-1");
            ec2.LaunchTemplates.Add(new LaunchTemplate
            {
                LaunchTemplateId = "lt-0123456789abcdef0", LaunchTemplateName = "render-node", CreateTime = clock.Now, CreatedBy = "arn:aws:iam::111122223333:user/x",
                ImageId = "ami-0abcdef1234567890", InstanceType = "g5.12xlarge",
            });
            state.CreateAutoScalingGroup("eu-west-1", new AutoScalingGroup
            {
                Name = "render-farm", Arn = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:x:autoScalingGroupName/render-farm",
                LaunchTemplateId = "lt-0123456789abcdef0", LaunchTemplateName = "render-node", MinSize = 2, MaxSize = 2, DesiredCapacity = 2,
                AvailabilityZones = ["eu-west-1a"], CreatedTime = clock.Now,
                Suspended = { ["Launch"] = "User suspended at 2026-12-06T21:00:00Z", ["ReplaceUnhealthy"] = "User suspended at 2026-12-06T21:00:00Z" },
            });
        }
        var path = Path.Combine(Path.GetTempPath(), $"shodo-asg-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(state, path, default);
            var loaded = new RangeState("111122223333", new RangeClock(TimeProvider.System));
            await RangeStateFile.LoadAsync(loaded, path, default);
            lock (loaded.Sync)
            {
                var group = loaded.AutoScaling("eu-west-1").Find("render-farm")!;
                Assert.Equal(2, group.Members.Count);
                Assert.Equal(["Launch", "ReplaceUnhealthy"], group.Suspended.Keys.Order());
                Assert.All(group.Members, m => Assert.NotNull(loaded.Ec2("eu-west-1").FindInstance(m.InstanceId)));
                Assert.Equal(AutoScalingRegion.GroupTag, loaded.Ec2("eu-west-1").Tags.Of(group.Members[0].InstanceId)[0].Key);
            }
        }
        finally { File.Delete(path); }
    }
}
