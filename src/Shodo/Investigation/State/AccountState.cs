using System.Text.Json;
using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Investigation.State;

/// <summary>
/// The account as <c>shodo collect</c> recorded it, typed for the investigation: regions, IAM users,
/// keys, login profiles and attachments, EC2 instances, Spot requests, key pairs and security groups,
/// trails and their selectors, buckets with tags, RDS instances and snapshots with their sharing.
/// Each fact names the evidence blob it was read from.
/// </summary>
public sealed class AccountState
{
    public List<RegionFact> Regions { get; } = [];
    public List<UserFact> Users { get; } = [];
    public List<AccessKeyFact> AccessKeys { get; } = [];
    public List<LoginProfileFact> LoginProfiles { get; } = [];
    public List<PolicyAttachmentFact> Attachments { get; } = [];
    public List<InstanceFact> Instances { get; } = [];
    public List<SpotRequestFact> SpotRequests { get; } = [];
    public List<KeyPairFact> KeyPairs { get; } = [];
    public List<SecurityGroupFact> SecurityGroups { get; } = [];
    public List<TrailFact> Trails { get; } = [];
    public List<BucketFact> Buckets { get; } = [];
    public List<DbSnapshotFact> DbSnapshots { get; } = [];
    public List<DbInstanceFact> DbInstances { get; } = [];

    public static async Task<AccountState> ReadAsync(CollectedEvidence evidence, CancellationToken ct)
    {
        var s = new AccountState();
        foreach (var a in await evidence.XmlAsync("ec2", "DescribeRegions", ct))
            foreach (var r in a.Body.Descendants("item").Where(i => i.Element("regionName") is not null))
            {
                var status = r.Text("optInStatus");
                if (status is "not-opted-in") continue;
                s.Regions.Add(new RegionFact(r.Required("regionName"), status == "opted-in"));
            }
        await ReadIamAsync(s, evidence, ct);
        await ReadEc2Async(s, evidence, ct);
        await ReadTrailsAsync(s, evidence, ct);
        await ReadS3Async(s, evidence, ct);
        await ReadRdsAsync(s, evidence, ct);
        return s;
    }

    private static async Task ReadIamAsync(AccountState s, CollectedEvidence evidence, CancellationToken ct)
    {
        foreach (var a in await evidence.XmlAsync("iam", "ListUsers", ct))
            foreach (var u in a.Body.Descendants("member").Where(m => m.Element("UserName") is not null))
                s.Users.Add(new UserFact(u.Required("UserName"), u.Text("Arn"), u.Date("CreateDate"), a.Record.Sha256));
        foreach (var a in await evidence.XmlAsync("iam", "ListAccessKeys", ct))
            foreach (var k in a.Body.Descendants("member").Where(m => m.Element("AccessKeyId") is not null))
                s.AccessKeys.Add(new AccessKeyFact(k.Required("AccessKeyId"), k.Text("UserName") ?? a.Parameter("UserName") ?? "",
                    k.Text("Status"), k.Date("CreateDate"), a.Record.Sha256));
        foreach (var a in await evidence.XmlAsync("iam", "GetLoginProfile", ct))
            if (a.Body.Descendants("LoginProfile").FirstOrDefault() is { } p)
                s.LoginProfiles.Add(new LoginProfileFact(p.Text("UserName") ?? a.Parameter("UserName") ?? "", p.Date("CreateDate"), a.Record.Sha256));
        foreach (var a in await evidence.XmlAsync("iam", "ListAttachedUserPolicies", ct))
            if (a.Parameter("UserName") is { } user)
                foreach (var p in a.Body.Descendants("PolicyArn"))
                    s.Attachments.Add(new PolicyAttachmentFact(user, p.Value, a.Record.Sha256));
        Dedupe(s.Users, u => u.UserName);
        Dedupe(s.AccessKeys, k => k.AccessKeyId);
        Dedupe(s.LoginProfiles, p => p.UserName);
        Dedupe(s.Attachments, p => (p.UserName, p.PolicyArn));
    }

    private static async Task ReadEc2Async(AccountState s, CollectedEvidence evidence, CancellationToken ct)
    {
        foreach (var a in await evidence.XmlAsync("ec2", "DescribeInstances", ct))
            foreach (var i in a.Body.Descendants("item").Where(i => i.Element("instanceId") is not null && i.Element("instanceType") is not null))
                s.Instances.Add(new InstanceFact(a.Record.Region ?? "", i.Required("instanceId"), i.Required("instanceType"),
                    i.Element("instanceState")?.Text("name"), i.Date("launchTime"), i.Text("spotInstanceRequestId"),
                    i.Text("instanceLifecycle"), i.Text("keyName"), a.Record.Sha256));
        foreach (var a in await evidence.XmlAsync("ec2", "DescribeSpotInstanceRequests", ct))
            foreach (var r in a.Body.Descendants("item").Where(i => i.Element("spotInstanceRequestId") is not null))
                s.SpotRequests.Add(new SpotRequestFact(a.Record.Region ?? "", r.Required("spotInstanceRequestId"), r.Text("type"),
                    r.Text("state"), r.Text("instanceId"), r.Element("launchSpecification")?.Text("instanceType"), a.Record.Sha256));
        foreach (var a in await evidence.XmlAsync("ec2", "DescribeKeyPairs", ct))
            foreach (var k in a.Body.Descendants("item").Where(i => i.Element("keyName") is not null))
                s.KeyPairs.Add(new KeyPairFact(a.Record.Region ?? "", k.Required("keyName"), k.Text("keyPairId"), a.Record.Sha256));
        foreach (var a in await evidence.XmlAsync("ec2", "DescribeSecurityGroups", ct))
            foreach (var g in a.Body.Descendants("item").Where(i => i.Element("groupId") is not null && i.Element("groupName") is not null))
                s.SecurityGroups.Add(new SecurityGroupFact(a.Record.Region ?? "", g.Required("groupId"), g.Text("groupName"), a.Record.Sha256));
        Dedupe(s.Instances, i => i.InstanceId);
        Dedupe(s.SpotRequests, r => r.SpotInstanceRequestId);
        Dedupe(s.KeyPairs, k => (k.Region, k.KeyName));
        Dedupe(s.SecurityGroups, g => g.GroupId);
    }

    private static async Task ReadTrailsAsync(AccountState s, CollectedEvidence evidence, CancellationToken ct)
    {
        var status = new Dictionary<string, TrailStatusRead>();
        foreach (var a in await evidence.JsonAsync("cloudtrail", "GetTrailStatus", ct))
            if (a.Parameter("Name") is { } name)
                status[name] = new TrailStatusRead(a.Body.Bool("IsLogging"), a.Body.Date("StopLoggingTime"));
        var selectors = new Dictionary<string, JsonElement>();
        foreach (var a in await evidence.JsonAsync("cloudtrail", "GetEventSelectors", ct))
            if (a.Parameter("TrailName") is { } name) selectors[name] = a.Body;
        foreach (var a in await evidence.JsonAsync("cloudtrail", "DescribeTrails", ct))
            foreach (var t in a.Body.Items("trailList"))
            {
                var name = t.Text("Name") ?? "";
                var arn = t.Text("TrailARN");
                var st = (arn is not null ? status.GetValueOrDefault(arn) : null) ?? status.GetValueOrDefault(name);
                var sel = arn is not null && selectors.TryGetValue(arn, out var x) ? x : selectors.TryGetValue(name, out var y) ? y : (JsonElement?)null;
                var (all, buckets) = sel is { } e ? DataEventSelectors.Read(e) : (false, []);
                s.Trails.Add(new TrailFact(name, arn, t.Text("HomeRegion"), t.Text("S3BucketName"), t.Text("S3KeyPrefix"),
                    t.Bool("IsMultiRegionTrail") ?? false, st?.IsLogging, st?.StoppedAt, all, buckets, sel is not null, a.Record.Sha256));
            }
        var merged = s.Trails.GroupBy(t => t.Arn ?? t.Name).Select(g => g.OrderByDescending(t => t.SelectorsKnown).ThenByDescending(t => t.IsLogging is not null).First()).ToList();
        s.Trails.Clear();
        s.Trails.AddRange(merged);
    }

    private sealed record TrailStatusRead(bool? IsLogging, DateTimeOffset? StoppedAt);

    private static async Task ReadS3Async(AccountState s, CollectedEvidence evidence, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var a in await evidence.XmlAsync("s3", "ListBuckets", ct))
            names.AddRange(a.Body.Descendants("Bucket").Select(b => b.Text("Name")).OfType<string>());
        var regions = new Dictionary<string, string>();
        foreach (var a in await evidence.XmlAsync("s3", "GetBucketLocation", ct))
            if (a.Parameter("Bucket") is { } b) regions[b] = string.IsNullOrEmpty(a.Body.Value) ? "us-east-1" : a.Body.Value;
        var tags = new Dictionary<string, (Dictionary<string, string>, string)>();
        foreach (var a in await evidence.XmlAsync("s3", "GetBucketTagging", ct))
            if (a.Parameter("Bucket") is { } b)
                tags[b] = (a.Body.Descendants("Tag").ToDictionary(t => t.Required("Key"), t => t.Required("Value")), a.Record.Sha256);
        foreach (var name in names.Distinct())
            s.Buckets.Add(new BucketFact(name, regions.GetValueOrDefault(name),
                tags.TryGetValue(name, out var t) ? t.Item1 : new Dictionary<string, string>(), tags.TryGetValue(name, out var u) ? u.Item2 : null));
    }

    private static async Task ReadRdsAsync(AccountState s, CollectedEvidence evidence, CancellationToken ct)
    {
        foreach (var a in await evidence.XmlAsync("rds", "DescribeDBSnapshotAttributes", ct))
            foreach (var r in a.Body.Descendants("DBSnapshotAttributesResult"))
            {
                var restore = r.Descendants("DBSnapshotAttribute").Where(x => x.Text("AttributeName") == "restore")
                    .SelectMany(x => x.Descendants("AttributeValue").Select(v => v.Value)).ToList();
                s.DbSnapshots.Add(new DbSnapshotFact(a.Record.Region ?? "", r.Required("DBSnapshotIdentifier"), restore, a.Record.Sha256));
            }
        foreach (var a in await evidence.XmlAsync("rds", "DescribeDBInstances", ct))
            foreach (var d in a.Body.Descendants("DBInstance"))
                s.DbInstances.Add(new DbInstanceFact(a.Record.Region ?? "", d.Required("DBInstanceIdentifier"),
                    d.Element("TagList")?.Elements("Tag").ToDictionary(t => t.Required("Key"), t => t.Required("Value"))
                    ?? new Dictionary<string, string>(), a.Record.Sha256));
        Dedupe(s.DbSnapshots, d => (d.Region, d.SnapshotId));
        Dedupe(s.DbInstances, d => (d.Region, d.DbInstanceId));
    }

    private static void Dedupe<T, TKey>(List<T> list, Func<T, TKey> key)
    {
        var distinct = list.DistinctBy(key).ToList();
        list.Clear();
        list.AddRange(distinct);
    }
}
