using System.Text.Json.Nodes;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Triage;
using Shodo.Investigation.Triage.Signs;
using Shodo.Trail.Records;
using static Shodo.Tests.InvestigationTests.Triage.TriageRecords;

namespace Shodo.Tests.InvestigationTests.Triage;

/// <summary>Each sign of the playbook on hand-built accounts and events: what is a sign, what is ordinary work.</summary>
public sealed class SignDetectorTests
{
    private const string Owner = "AKIAOWNER00000000001", Other = "AKIAOTHER00000000002", Fresh = "AKIAFRESH00000000003";
    private static readonly string Kali = "aws-cli/1.18.69 Python/3.8.3 Linux/5.7.0-kali1-amd64 botocore/1.17.44";

    private static TriageContext Context(AccountSnapshot state, IEnumerable<TrailRecord> recent, Dictionary<string, List<TrailRecord>> baselines,
        IReadOnlyDictionary<string, string>? sessions = null, params string[] excludedUsers) =>
        new(state, Since, recent.ToList(),
            baselines.ToDictionary(b => CandidateId.Key(b.Key), b => (IReadOnlyList<TrailRecord>)b.Value),
            sessions ?? new Dictionary<string, string>(), excludedUsers.ToHashSet());

    [Fact]
    public void An_address_the_key_used_before_is_ordinary_a_new_one_is_a_sign_and_aws_service_addresses_are_ignored()
    {
        var baseline = new List<TrailRecord> { Event(Owner, "DescribeInstances", Since.AddDays(-2)) };
        var recent = new[]
        {
            Event(Owner, "DescribeInstances", Since.AddHours(1)),
            Event(Owner, "GetCallerIdentity", Since.AddHours(2), ip: "185.220.101.47", userAgent: Kali),
            Event(Owner, "ListBuckets", Since.AddHours(3), ip: "185.220.101.47", userAgent: Kali),
            Event(Owner, "Decrypt", Since.AddHours(3), ip: "ec2.amazonaws.com", userAgent: "ec2.amazonaws.com"),
        };
        var signs = new NewAddressSigns().Detect(Context(new AccountSnapshot(), recent, new() { [Owner] = baseline })).ToList();

        var sign = Assert.Single(signs);
        Assert.Equal(CandidateId.Key(Owner), sign.Candidate);
        Assert.Contains("2 calls from 185.220.101.47", sign.Summary);
        Assert.Equal(Since.AddHours(2), sign.FirstSeen);
    }

    [Fact]
    public void A_key_never_used_before_has_every_address_new_but_no_user_agent_sign()
    {
        var recent = new[] { Event(Fresh, "GetCallerIdentity", Since.AddHours(1), ip: "45.137.21.9", userAgent: Kali) };
        var context = Context(new AccountSnapshot(), recent, new() { [Fresh] = [] });

        Assert.Contains("not used in the baseline", Assert.Single(new NewAddressSigns().Detect(context)).Summary);
        Assert.Empty(new NewUserAgentSigns().Detect(context));
    }

    [Fact]
    public void An_upgraded_client_is_ordinary_a_different_kind_of_client_is_a_sign()
    {
        var baseline = new List<TrailRecord> { Event(Owner, "DescribeInstances", Since.AddDays(-3)) };
        var recent = new[]
        {
            Event(Owner, "ListBuckets", Since.AddHours(1), userAgent: "aws-cli/2.15.40 Python/3.11.9 Darwin/23.5.0 exe/x86_64 prompt/off command/s3.ls"),
            Event(Owner, "ListBuckets", Since.AddHours(2), userAgent: Kali),
        };
        var sign = Assert.Single(new NewUserAgentSigns().Detect(Context(new AccountSnapshot(), recent, new() { [Owner] = baseline })));
        Assert.Contains(Kali, sign.Summary);
    }

    [Fact]
    public void Instances_in_unused_regions_are_attributed_to_whoever_launched_them_directly_or_through_a_spot_request()
    {
        var state = new AccountSnapshot();
        state.Instances.Add(Instance("ap-northeast-1", "i-web", Since.AddDays(-200)));
        state.Instances.Add(Instance("ap-northeast-1", "i-new-in-used-region", Since.AddHours(2)));
        state.Instances.Add(Instance("us-east-2", "i-miner-1", Since.AddHours(2)));
        state.Instances.Add(Instance("eu-west-1", "i-miner-2", Since.AddHours(3), spotRequest: "sir-1"));
        state.Instances.Add(Instance("sa-east-1", "i-unknown", Since.AddHours(4)));
        state.Instances.Add(Instance("me-south-1", "i-stopped-long-ago", Since.AddHours(4)) with { State = "terminated" });
        var recent = new[]
        {
            Event(Owner, "RunInstances", Since.AddHours(2), region: "us-east-2", ip: "185.220.101.47",
                response: new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = "i-miner-1" }) } }),
            Event(Other, "RequestSpotInstances", Since.AddHours(3), region: "eu-west-1", ip: "45.137.21.9",
                response: new JsonObject { ["spotInstanceRequestSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["spotInstanceRequestId"] = "sir-1" }) } }),
        };
        var signs = new UnusedRegionInstanceSigns().Detect(Context(state, recent, new() { [Owner] = [Event(Owner, "DescribeInstances", Since.AddDays(-1))] }))
            .ToDictionary(s => s.Candidate);

        Assert.Equal(3, signs.Count);
        Assert.Equal(["us-east-2"], signs[CandidateId.Key(Owner)].Regions);
        Assert.Equal(["eu-west-1"], signs[CandidateId.Key(Other)].Regions);
        Assert.Equal(["sa-east-1"], signs[UnusedRegionInstanceSigns.Unattributed].Regions);
        Assert.Empty(signs[UnusedRegionInstanceSigns.Unattributed].EventIds);
    }

    [Fact]
    public void The_key_that_created_a_user_and_its_key_is_the_likely_origin_and_the_responder_is_never_a_candidate()
    {
        var state = new AccountSnapshot();
        state.Users.Add(new UserFact("aws-support-svc", null, Since.AddHours(1), "e"));
        state.Users.Add(new UserFact("shodo-responder", null, Since.AddHours(5), "e"));
        state.AccessKeys.Add(new AccessKeyFact(Owner, "dev-tanaka", "Active", Since.AddDays(-400), "e"));
        state.AccessKeys.Add(new AccessKeyFact(Fresh, "aws-support-svc", "Active", Since.AddHours(1), "e"));
        state.AccessKeys.Add(new AccessKeyFact("AKIARESPONDER0000009", "shodo-responder", "Active", Since.AddHours(5), "e"));
        const string session = "ASIASESSION000000001";
        var recent = new[]
        {
            Event(Owner, "CreateUser", Since.AddHours(1), source: "iam.amazonaws.com", region: "us-east-1",
                request: new JsonObject { ["userName"] = "aws-support-svc" },
                response: new JsonObject { ["user"] = new JsonObject { ["userName"] = "aws-support-svc" } }),
            Event(Owner, "CreateAccessKey", Since.AddHours(1.1), source: "iam.amazonaws.com", region: "us-east-1",
                response: new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = Fresh, ["userName"] = "aws-support-svc" } }),
            Event(Owner, "CreateUser", Since.AddHours(1.2), source: "iam.amazonaws.com", region: "us-east-1", error: "AccessDenied",
                request: new JsonObject { ["userName"] = "denied-user" }),
            Event(session, "CreateLoginProfile", Since.AddHours(1.3), source: "iam.amazonaws.com", region: "us-east-1",
                request: new JsonObject { ["userName"] = "aws-support-svc" }),
        };
        var context = Context(state, recent, new() { [Owner] = [] }, new Dictionary<string, string> { [session] = Owner }, "shodo-responder");
        var signs = SignDetectors.All.SelectMany(d => d.Detect(context)).ToList();
        var candidates = CandidateRanking.Rank(signs, state);

        var origin = candidates[0];
        Assert.Equal(CandidateId.Key(Owner), origin.Id);
        Assert.True(origin.LikelyOrigin);
        Assert.Equal("dev-tanaka", origin.UserName);
        var created = Assert.Single(origin.Signs, s => s.Kind == SignKinds.CreatedCredentials);
        Assert.Equal("created user aws-support-svc; access key AKIAFRESH00000000003 for aws-support-svc; a console password for aws-support-svc",
            created.Summary);
        Assert.Equal([CandidateId.Key(Owner)], candidates.Single(c => c.Id == CandidateId.Key(Fresh)).CreatedBy);
        Assert.Equal([CandidateId.Key(Owner)], candidates.Single(c => c.Id == CandidateId.OfUser("aws-support-svc")).CreatedBy);
        Assert.DoesNotContain(candidates, c => c.Id.Id is "shodo-responder" or "AKIARESPONDER0000009" or "denied-user");
        Assert.Equal("--access-key-id AKIAOWNER00000000001", origin.ConfirmArguments);
    }

    private static InstanceFact Instance(string region, string id, DateTimeOffset launched, string? spotRequest = null) =>
        new(region, id, "p3.2xlarge", "running", launched, spotRequest, spotRequest is null ? null : "spot", "xmrig", "e");
}
