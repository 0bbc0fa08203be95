using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Ec2;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Scenarios;

/// <summary>
/// <c>large-account</c>, for benchmarks: the <c>leaked-key-cryptomining</c> story (played through the
/// pipeline as usual) hidden in a big, busy account — thousands of users with keys, thousands of
/// instances, and a million or more CloudTrail events of ordinary work over 90 days. The background
/// events are generated directly as CallRecords (the shape the dispatcher records), not played:
/// playing a million calls through authentication, authorization and the handlers would take minutes.
/// Everything is seeded (<see cref="Seed"/>) except the ids the range itself generates.
/// </summary>
public sealed class LargeAccountScenario(int users = 3000, int instances = 5000, int events = 1_000_000,
    int seed = 424242) : IScenario
{
    public const string ScenarioName = "large-account";

    private static readonly string[] Regions =
        ["ap-northeast-1", "us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1", "eu-central-1"];

    /// <summary>
    /// Where the fleet runs: not in ap-northeast-1, where the story's staff describe their instances
    /// every few hours (rendering thousands of instances per call would dominate the load time).
    /// </summary>
    private static readonly string[] FleetRegions =
        ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1", "eu-central-1", "ap-northeast-2"];

    private static readonly string[] UserAgents =
    [
        "aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off",
        "aws-cli/2.13.25 Python/3.11.5 Windows/10 exe/AMD64 prompt/off",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8 Botocore/1.34.69",
        "aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2 md/GOOS#linux md/GOARCH#amd64",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 aws-sdk-go-v2/1.26.0",
    ];

    /// <summary>(service, eventName, readOnly, data event, weight): what a busy account's history is made of.</summary>
    private static readonly (string Service, string Name, bool ReadOnly, bool Data, int Weight)[] Events =
    [
        ("ec2", "DescribeInstances", true, false, 30), ("ec2", "DescribeSecurityGroups", true, false, 8),
        ("ec2", "DescribeVolumes", true, false, 6), ("s3", "GetObject", true, true, 20), ("s3", "PutObject", false, true, 6),
        ("s3", "ListObjects", true, true, 6), ("s3", "ListBuckets", true, false, 4), ("sts", "GetCallerIdentity", true, false, 6),
        ("sts", "AssumeRole", true, false, 4), ("iam", "ListUsers", true, false, 2), ("iam", "GetUser", true, false, 2),
        ("cloudtrail", "LookupEvents", true, false, 1), ("rds", "DescribeDBInstances", true, false, 3),
        ("ec2", "RunInstances", false, false, 1), ("ec2", "CreateTags", false, false, 1),
    ];

    public string Name => ScenarioName;
    public string? AccountId => null;

    public async Task<LoadedScenario> LoadAsync(RangeState state, Dispatcher dispatcher, DateTimeOffset start,
        CancellationToken ct)
    {
        var random = new Random(seed);
        List<Caller> callers;
        lock (state.Sync)
        {
            state.Clock.Set(start + ScenarioSeed.Epoch);
            callers = SeedUsers(state, start);
            SeedInstances(state, start, random);
        }
        GenerateHistory(state, start, callers, random);
        var story = ((YamlScenario)ScenarioCatalog.Find("leaked-key-cryptomining")).WithoutLogDelivery();
        var loaded = await story.LoadAsync(state, dispatcher, start, ct);
        return new LoadedScenario
        {
            Name = ScenarioName, Credentials = loaded.Credentials, Leaked = loaded.Leaked, Attackers = loaded.Attackers,
            GroundTruth = loaded.GroundTruth is { } truth ? truth with { Scenario = ScenarioName } : null,
            PlayedCalls = loaded.PlayedCalls, GeneratedRecords = events,
        };
    }

    private List<Caller> SeedUsers(RangeState state, DateTimeOffset start)
    {
        var engineers = state.Iam.Groups["engineering"] = new IamGroup
        {
            GroupName = "engineering", GroupId = IamIds.GroupId(), Arn = state.IamArn("group", "/", "engineering"),
            CreateDate = start.AddDays(-1000), AttachedPolicyArns = [AwsManagedPolicies.ReadOnlyAccessArn],
        };
        var callers = new List<Caller>(users);
        for (var n = 1; n <= users; n++)
        {
            var user = state.AddUser($"emp-{n:D5}", "/staff/");
            user.CreateDate = start.AddDays(-1000 + n % 900);
            engineers.Members.Add(user.UserName);
            var key = state.AddAccessKey(user.UserName);
            key.CreateDate = user.CreateDate.AddDays(1);
            callers.Add(new Caller(Caller.IamUser, user.Arn, user.UserId, state.AccountId, key.AccessKeyId, user.UserName));
        }
        return callers;
    }

    private void SeedInstances(RangeState state, DateTimeOffset start, Random random)
    {
        const int batch = 50;
        for (var launched = 0; launched < instances; launched += batch)
        {
            var region = state.Ec2(FleetRegions[launched / batch % FleetRegions.Length]);
            var at = start.AddDays(-random.Next(10, 700));
            var spec = new LaunchSpec
            {
                ImageId = "ami-0d52744d6551d851e", InstanceType = random.Next(3) == 0 ? "m6i.xlarge" : "t3.medium",
                InstanceTags = [new Tag("Name", $"svc-{launched / batch:D3}"), new Tag("env", "prod")],
            };
            foreach (var instance in region.Launch(spec, Math.Min(batch, instances - launched), at))
                instance.Settle(at + InstanceStates.BootTime);
        }
    }

    /// <summary>Ordinary history: <c>events</c> records spread evenly over the 90 days before the last 8.</summary>
    private void GenerateHistory(RangeState state, DateTimeOffset start, List<Caller> callers, Random random)
    {
        var table = Events.SelectMany(e => Enumerable.Repeat(e, e.Weight)).ToArray();
        var objects = Enumerable.Range(0, 64).Select(i => new JsonObject
        {
            ["bucketName"] = "acme-app-assets", ["Host"] = "acme-app-assets.s3.ap-northeast-1.amazonaws.com",
            ["key"] = $"static/asset-{i:D3}.js",
        }).ToArray();
        var ips = Enumerable.Range(1, 250).Select(i => $"203.0.113.{i}").ToArray();
        var first = start.AddDays(-98);
        var step = TimeSpan.FromDays(90).Ticks / Math.Max(1, events);
        var records = new List<CallRecord>(events);
        var bytes = new byte[16];
        for (var i = 0; i < events; i++)
        {
            var (service, name, readOnly, data, _) = table[random.Next(table.Length)];
            var who = random.Next(callers.Count);
            var global = service is "iam" or "sts";
            var region = global ? "us-east-1" : service == "s3" ? "ap-northeast-1" : Regions[random.Next(Regions.Length)];
            records.Add(new CallRecord(
                EventId: RandomGuid(random, bytes), RequestId: RandomGuid(random, bytes),
                Time: first + TimeSpan.FromTicks(step * i + random.NextInt64(step)),
                Service: service, EventSource: $"{service}.amazonaws.com", EventName: name, Region: region,
                Caller: callers[who], SourceIp: ips[who % ips.Length], UserAgent: UserAgents[who % UserAgents.Length],
                ReadOnly: readOnly, RequestParameters: service == "s3" && name != "ListBuckets" ? objects[random.Next(objects.Length)] : null,
                ResponseElements: null, ErrorCode: null, ErrorMessage: null, EventCategory: data ? "Data" : "Management"));
        }
        lock (state.Sync)
        {
            state.Calls.AddRange(records);
        }
    }

    /// <summary>A version-4 GUID from the seeded generator (Guid.NewGuid draws on the OS and is far slower).</summary>
    private static string RandomGuid(Random random, byte[] bytes)
    {
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes).ToString();
    }
}
