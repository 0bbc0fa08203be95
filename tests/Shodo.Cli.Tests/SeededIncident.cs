using System.Text.Json.Nodes;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Ec2;

namespace Shodo.Cli.Tests;

/// <summary>
/// A small incident on the range for the containment commands: a leaked developer key (dev-kimura), a
/// backdoor user with two keys, attacker instances in three regions (one with stop protection, one
/// persistent and one one-time spot), a legitimate instance and a legitimate user seen only as "related";
/// and the investigation's identities and resources describing it.
/// </summary>
public static class SeededIncident
{
    public static (List<AttackerIdentity> Identities, List<AttackerResource> Resources) Apply(RangeHost range)
    {
        var s = range.State;
        var resources = new List<AttackerResource>();
        string leaked;
        lock (s.Sync)
        {
            s.AddUser("dev-kimura");
            leaked = s.AddAccessKey("dev-kimura").AccessKeyId;
            s.AddUser("backup-svc");
            s.AddAccessKey("backup-svc");
            s.AddAccessKey("backup-svc");
            s.AddUser("ops-legit");
            s.AddAccessKey("ops-legit");
            void Add(string region, Ec2Instance i) => resources.Add(new AttackerResource
            {
                Id = $"{ResourceTypes.Instance}:{region}:{i.InstanceId}", Type = ResourceTypes.Instance, Region = region,
                ResourceId = i.InstanceId, CreatedBy = "user:backup-svc",
            });
            var spec = new LaunchSpec { ImageId = "ami-0c7217cdde317cfec", InstanceType = "p3.2xlarge" };
            foreach (var i in s.Ec2("us-east-1").Launch(spec, 2, s.Clock.Now)) Add("us-east-1", i);
            foreach (var i in s.Ec2("eu-west-1").Launch(spec with { DisableApiStop = true }, 1, s.Clock.Now)) Add("eu-west-1", i);
            var tokyo = s.Ec2("ap-northeast-1");
            var persistent = tokyo.RequestSpot(spec, SpotRequest.Persistent, null, "terminate", s.Clock.Now);
            var oneTime = tokyo.RequestSpot(spec, SpotRequest.OneTime, null, "terminate", s.Clock.Now);
            tokyo = s.Ec2("ap-northeast-1"); // settles: both requests are fulfilled
            Add("ap-northeast-1", tokyo.FindInstance(persistent.InstanceId!)!);
            Add("ap-northeast-1", tokyo.FindInstance(oneTime.InstanceId!)!);
            resources.Add(new AttackerResource
            {
                Id = $"{ResourceTypes.SpotRequest}:ap-northeast-1:{persistent.SpotInstanceRequestId}", Type = ResourceTypes.SpotRequest,
                Region = "ap-northeast-1", ResourceId = persistent.SpotInstanceRequestId, CreatedBy = "user:backup-svc",
                Attributes = new JsonObject { ["type"] = "persistent" },
            });
            s.Ec2("ap-northeast-1").Launch(spec with { ImageId = "ami-0d52744d6551d851e", InstanceType = "m6i.large" }, 1, s.Clock.Now);
        }
        var identities = new List<AttackerIdentity>
        {
            new() { Id = $"access-key:{leaked}", Kind = IdentityKind.AccessKey, Name = leaked, AccessKeyId = leaked, Owner = "dev-kimura",
                Confidence = Confidence.Confirmed, Reason = "leaked" },
            new() { Id = "user:backup-svc", Kind = IdentityKind.User, Name = "backup-svc", Confidence = Confidence.Confirmed,
                CreatedByAttacker = true, Reason = "backdoor" },
            new() { Id = "user:ops-legit", Kind = IdentityKind.User, Name = "ops-legit", Confidence = Confidence.Related, Reason = "same office" },
        };
        return (identities, resources);
    }

}
