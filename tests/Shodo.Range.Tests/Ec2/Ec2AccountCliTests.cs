using Shodo.Range.State;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>Regions, key pairs, security groups, tags and launch templates through the real AWS CLI.</summary>
public sealed class Ec2AccountCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private const string AttackerPublicKey =
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDQoTHEKLhYicdVo83AXtUDRDaQyyQSsS/0FfAYe4lUj+7JD1ov598oi9HhJgJRfVtpl5bAuTFey0OMm9iHa5bEbeOwbRFjh7GOQGDje/8XS6Sjv7Tt0kNzvaQQfmdGSB61NQyHUCdmrsFtH9o5r3w5WsAFQka+4n8EDuR7pk1iJQ== drill@attacker";

    private readonly Ec2Time _time = new(fixture);

    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task Regions_list_the_enabled_ones_or_all_with_opt_in_status_and_disabled_regions_refuse_calls()
    {
        var enabled = (await Cli.OkAsync("ec2", "describe-regions")).Items("Regions").ToList();
        Assert.Equal(Regions.DefaultEnabled.Order(), enabled.Select(r => r.Str("RegionName")).Order());
        Assert.All(enabled, r => Assert.Equal($"ec2.{r.Str("RegionName")}.amazonaws.com", r.Str("Endpoint")));
        Assert.All(enabled, r => Assert.Equal("opt-in-not-required", r.Str("OptInStatus")));

        var all = (await Cli.OkAsync("ec2", "describe-regions", "--all-regions")).Items("Regions").ToList();
        Assert.Equal(Regions.DefaultEnabled.Count + Regions.OptInRegions.Count, all.Count);
        Assert.Equal("not-opted-in", all.Single(r => r.Str("RegionName") == "me-south-1").Str("OptInStatus"));

        var disabled = await Cli.InRegion("ap-east-1").FailsWithAsync("AuthFailure", "ec2", "describe-instances");
        Assert.Equal("AWS was not able to validate the provided access credentials", disabled.Message());
        lock (fixture.Range.State.Sync) fixture.Range.State.Regions.OptIn("ap-east-1");
        var optedIn = (await Cli.OkAsync("ec2", "describe-regions", "--filters", "Name=opt-in-status,Values=opted-in")).Items("Regions");
        Assert.Equal("ap-east-1", optedIn.Single().Str("RegionName"));
        Assert.Empty((await Cli.InRegion("ap-east-1").OkAsync("ec2", "describe-instances")).Items("Reservations"));
        var zones = (await Cli.InRegion("ap-east-1").OkAsync("ec2", "describe-availability-zones")).Items("AvailabilityZones");
        Assert.Contains(zones, z => z.Str("ZoneName") == "ap-east-1a" && z.Str("ZoneId") == "ape1-az1");
    }

    [Fact]
    public async Task Key_pairs_are_created_with_private_key_material_imported_described_and_deleted()
    {
        var created = await Cli.OkAsync("ec2", "create-key-pair", "--key-name", fixture.Unique("created"),
            "--tag-specifications", "ResourceType=key-pair,Tags=[{Key=team,Value=red}]");
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", created.Str("KeyMaterial"));
        Assert.Matches("^([0-9a-f]{2}:){19}[0-9a-f]{2}$", created.Str("KeyFingerprint"));
        Assert.StartsWith("key-", created.Str("KeyPairId"));

        var path = Path.Combine(Path.GetTempPath(), $"shodo-range-{Guid.NewGuid():N}.pub");
        await File.WriteAllTextAsync(path, AttackerPublicKey);
        var importedName = fixture.Unique("imported");
        var imported = await Cli.OkAsync("ec2", "import-key-pair", "--key-name", importedName, "--public-key-material", "fileb://" + path);
        File.Delete(path);
        Assert.Equal("d9:d5:5f:61:f0:87:a1:8d:f2:85:06:5b:0c:d1:b8:1d", imported.Str("KeyFingerprint"));
        await Cli.FailsWithAsync("InvalidKeyPair.Duplicate", "ec2", "create-key-pair", "--key-name", importedName);

        var described = (await Cli.OkAsync("ec2", "describe-key-pairs", "--key-names", importedName, "--include-public-key"))
            .Items("KeyPairs").Single();
        Assert.Equal("rsa", described.Str("KeyType"));
        Assert.StartsWith("ssh-rsa AAAAB3NzaC1yc2E", described.Str("PublicKey"));
        var red = (await Cli.OkAsync("ec2", "describe-key-pairs", "--filters", "Name=tag:team,Values=red")).Items("KeyPairs");
        Assert.Equal(created.Str("KeyPairId"), red.Single().Str("KeyPairId"));

        await Cli.OkAsync("ec2", "delete-key-pair", "--key-name", importedName);
        var gone = await Cli.FailsWithAsync("InvalidKeyPair.NotFound", "ec2", "describe-key-pairs", "--key-names", importedName);
        Assert.Equal($"The key pair '{importedName}' does not exist", gone.Message());
    }

    [Fact]
    public async Task Security_groups_have_a_default_group_and_ingress_and_egress_rules_that_can_be_revoked()
    {
        var west = Cli.InRegion("us-west-1");
        var defaults = (await west.OkAsync("ec2", "describe-security-groups", "--group-names", "default")).Items("SecurityGroups").Single();
        Assert.Equal(defaults.Str("GroupId"), defaults.GetProperty("IpPermissions")[0].GetProperty("UserIdGroupPairs")[0].Str("GroupId"));
        Assert.Equal("0.0.0.0/0", defaults.GetProperty("IpPermissionsEgress")[0].GetProperty("IpRanges")[0].Str("CidrIp"));
        Assert.Equal("-1", defaults.GetProperty("IpPermissionsEgress")[0].Str("IpProtocol"));

        var name = fixture.Unique("open-ssh");
        var groupId = (await west.OkAsync("ec2", "create-security-group", "--group-name", name, "--description", "attacker ssh")).Str("GroupId");
        await west.OkAsync("ec2", "authorize-security-group-ingress", "--group-id", groupId, "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
        var added = await west.OkAsync("ec2", "authorize-security-group-ingress", "--group-id", groupId, "--ip-permissions",
            "IpProtocol=tcp,FromPort=3333,ToPort=3333,IpRanges=[{CidrIp=203.0.113.0/24,Description=pool}]");
        Assert.False(added.Items("SecurityGroupRules").Single().GetProperty("IsEgress").GetBoolean());
        var duplicate = await west.FailsWithAsync("InvalidPermission.Duplicate", "ec2", "authorize-security-group-ingress",
            "--group-id", groupId, "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
        Assert.Contains("0.0.0.0/0", duplicate.Message());
        await west.OkAsync("ec2", "revoke-security-group-egress", "--group-id", groupId, "--ip-permissions", "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]");
        await west.OkAsync("ec2", "authorize-security-group-egress", "--group-id", groupId, "--ip-permissions",
            "IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=10.0.0.0/8}]");

        var group = (await west.OkAsync("ec2", "describe-security-groups", "--group-ids", groupId)).Items("SecurityGroups").Single();
        Assert.Equal(name, group.Str("GroupName"));
        Assert.Equal(new[] { 22, 3333 }, group.Items("IpPermissions").Select(p => p.GetProperty("FromPort").GetInt32()).Order());
        Assert.Equal("pool", group.Items("IpPermissions").Single(p => p.GetProperty("FromPort").GetInt32() == 3333).GetProperty("IpRanges")[0].Str("Description"));
        Assert.Equal("10.0.0.0/8", group.Items("IpPermissionsEgress").Single().GetProperty("IpRanges")[0].Str("CidrIp"));
        var open = (await west.OkAsync("ec2", "describe-security-groups", "--filters", "Name=ip-permission.cidr,Values=0.0.0.0/0")).Items("SecurityGroups");
        Assert.Equal(groupId, open.Single().Str("GroupId"));

        await west.OkAsync("ec2", "revoke-security-group-ingress", "--group-id", groupId, "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
        var after = (await west.OkAsync("ec2", "describe-security-groups", "--group-ids", groupId)).Items("SecurityGroups").Single();
        Assert.Equal(3333, after.Items("IpPermissions").Single().GetProperty("FromPort").GetInt32());
        await west.FailsWithAsync("InvalidGroup.NotFound", "ec2", "describe-security-groups", "--group-ids", "sg-0123456789abcdef0");
        await west.FailsWithAsync("InvalidGroup.Duplicate", "ec2", "create-security-group", "--group-name", name, "--description", "again");
    }

    [Fact]
    public async Task Tags_are_created_described_by_filter_and_deleted()
    {
        var east2 = Cli.InRegion("us-east-2");
        var id = (await east2.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--count", "1")).Items("Instances").Single().Str("InstanceId");
        var groupId = (await east2.OkAsync("ec2", "create-security-group", "--group-name", fixture.Unique("tagged"), "--description", "d")).Str("GroupId");
        await east2.OkAsync("ec2", "create-tags", "--resources", id, groupId, "--tags", "Key=Case,Value=2026-001", "Key=Contained,Value=no");

        var byResource = (await east2.OkAsync("ec2", "describe-tags", "--filters", $"Name=resource-id,Values={id}")).Items("Tags").ToList();
        Assert.Equal(new[] { "Case", "Contained" }, byResource.Select(t => t.Str("Key")).Order());
        Assert.All(byResource, t => Assert.Equal("instance", t.Str("ResourceType")));
        var byKey = (await east2.OkAsync("ec2", "describe-tags", "--filters", "Name=key,Values=Case", "Name=resource-type,Values=security-group")).Items("Tags");
        Assert.Equal(groupId, byKey.Single().Str("ResourceId"));

        await east2.OkAsync("ec2", "create-tags", "--resources", id, "--tags", "Key=Contained,Value=yes");
        await east2.OkAsync("ec2", "delete-tags", "--resources", groupId, "--tags", "Key=Contained");
        var tags = (await east2.OkAsync("ec2", "describe-tags")).Items("Tags").ToList();
        Assert.Equal("yes", tags.Single(t => t.Str("ResourceId") == id && t.Str("Key") == "Contained").Str("Value"));
        Assert.DoesNotContain(tags, t => t.Str("ResourceId") == groupId && t.Str("Key") == "Contained");

        await east2.FailsWithAsync("InvalidInstanceID.NotFound", "ec2", "create-tags", "--resources", "i-0123456789abcdef0", "--tags", "Key=a,Value=b");
        await east2.FailsWithAsync("InvalidID", "ec2", "create-tags", "--resources", "bogus", "--tags", "Key=a,Value=b");
    }

    [Fact]
    public async Task Launch_templates_are_described_and_launch_instances()
    {
        var name = fixture.Unique("miner-template");
        var created = await Cli.OkAsync("ec2", "create-launch-template", "--launch-template-name", name,
            "--launch-template-data", $"{{\"ImageId\":\"{ImageId}\",\"InstanceType\":\"c5.24xlarge\"}}");
        var template = created.GetProperty("LaunchTemplate");
        Assert.StartsWith("lt-", template.Str("LaunchTemplateId"));
        Assert.Equal(1, template.GetProperty("LatestVersionNumber").GetInt64());
        Assert.Equal($"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/responder", template.Str("CreatedBy"));

        var described = (await Cli.OkAsync("ec2", "describe-launch-templates", "--launch-template-names", name)).Items("LaunchTemplates").Single();
        Assert.Equal(template.Str("LaunchTemplateId"), described.Str("LaunchTemplateId"));
        var run = await Cli.OkAsync("ec2", "run-instances", "--launch-template", $"LaunchTemplateName={name}", "--count", "1");
        Assert.Equal("c5.24xlarge", run.Items("Instances").Single().Str("InstanceType"));
        await Cli.FailsWithAsync("InvalidLaunchTemplateName.NotFoundException", "ec2", "describe-launch-templates", "--launch-template-names", "nope");
    }

    [Fact]
    public async Task Each_region_has_a_default_vpc_with_a_default_subnet_per_zone()
    {
        var north = Cli.InRegion("eu-north-1");
        var vpc = (await north.OkAsync("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true")).Items("Vpcs").Single();
        Assert.Equal("172.31.0.0/16", vpc.Str("CidrBlock"));
        Assert.True(vpc.GetProperty("IsDefault").GetBoolean());
        var subnets = (await north.OkAsync("ec2", "describe-subnets", "--filters", $"Name=vpc-id,Values={vpc.Str("VpcId")}")).Items("Subnets").ToList();
        Assert.Equal(new[] { "eu-north-1a", "eu-north-1b", "eu-north-1c" }, subnets.Select(s => s.Str("AvailabilityZone")).Order());
        Assert.All(subnets, s => Assert.True(s.GetProperty("DefaultForAz").GetBoolean()));
    }
}
