using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>
/// Every statement of the summary rests on what the event sources saw: every region read gives a figure, one region
/// not read gives "at least … (events not read: REGION (why))", nothing read gives "unknown, because …" — never
/// "created 0 … US$0.00 … nothing of the attacker's is still active".
/// </summary>
public sealed class SightReportTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private const string Key = "AKIAQ3EGRXZL7LEAK5TJ";
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-northeast-1"];

    private async Task<string> Case(params string[] failedRegions)
    {
        using var c = Shodo.Cases.Case.Open(_folder.Root, new CaseOptions { Title = "sight", AccountId = "111122223333" });
        await c.Documents.WriteJsonAsync("coverage.json", new JsonObject
        {
            ["format"] = "shodo-coverage/1", ["complete"] = true, ["regions"] = new JsonArray(Regions.Select(r => (JsonNode)r!).ToArray()), ["gaps"] = new JsonArray(),
            ["investigation"] = new JsonObject
            {
                ["complete"] = failedRegions.Length == 0, ["lookupEvents"] = true, ["logBucketsRead"] = new JsonArray(),
                ["gaps"] = new JsonArray(failedRegions.Select(region => (JsonNode)new JsonObject
                {
                    ["source"] = $"lookup:{region}", ["region"] = region, ["kind"] = "Failed", ["code"] = "InternalFailure",
                    ["message"] = "LookupEvents (all events) page 1: We encountered an internal error.",
                }).ToArray()),
            },
        }, "investigate");
        var seen = DateTimeOffset.UtcNow.AddHours(-2);
        await InvestigationFiles.WriteAsync(c, InvestigationFiles.Identities, "shodo-identities/1", "identities", new List<AttackerIdentity>
        {
            new()
            {
                Id = $"access-key:{Key}", Kind = IdentityKind.AccessKey, Name = Key, AccessKeyId = Key, Owner = "dev-tanaka",
                Confidence = Confidence.Confirmed, Reason = "the key reported leaked",
                FirstSeen = failedRegions.Length == Regions.Length ? null : seen, SourceIps = ["185.220.101.47"],
            },
        });
        var instance = new InstanceCost("i-0aaa1111bbbb2222c", "us-east-1", "p3.2xlarge", "on-demand", "running", 3.06m, 2, 6.12m);
        var attributed = failedRegions.Length == Regions.Length ? new List<InstanceCost>() : [instance];
        await InvestigationFiles.WriteAsync(c, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources",
            attributed.Select(i => new AttackerResource
            {
                Id = $"ec2-instance:{i.Region}:{i.ResourceId}", Type = ResourceTypes.Instance, Region = i.Region, ResourceId = i.ResourceId, State = "running",
            }).ToList());
        var impact = InvestigationFiles.ToNode(new Impact
        {
            Cost = new CostEstimate
            {
                PriceTable = "test", AsOf = DateTimeOffset.UtcNow, Instances = attributed,
                TotalSoFar = attributed.Sum(i => i.CostSoFar ?? 0), BurnRatePerHour = attributed.Sum(i => i.PricePerHour ?? 0),
            },
        }).AsObject();
        impact["format"] = "shodo-impact/1";
        await c.Documents.WriteJsonAsync(InvestigationFiles.Impact, impact, "investigate");
        await c.Journal.AppendAsync("containment.before", new JsonObject { ["actionId"] = "deactivate-access-keys/iam-user:global:dev-tanaka", ["target"] = "iam-user:global:dev-tanaka", ["state"] = new JsonObject() });
        await c.Journal.AppendAsync("containment.outcome", new JsonObject { ["actionId"] = "deactivate-access-keys/iam-user:global:dev-tanaka", ["outcome"] = "done" });
        foreach (var i in attributed)
        {
            await c.Journal.AppendAsync("containment.before", new JsonObject { ["actionId"] = $"stop-instance/ec2-instance:{i.Region}:{i.ResourceId}", ["target"] = $"ec2-instance:{i.Region}:{i.ResourceId}", ["state"] = new JsonObject { ["state"] = "running" } });
            await c.Journal.AppendAsync("containment.outcome", new JsonObject { ["actionId"] = $"stop-instance/ec2-instance:{i.Region}:{i.ResourceId}", ["outcome"] = "done", ["after"] = new JsonObject { ["state"] = "stopped" } });
        }
        await c.Journal.AppendAsync("containment.verified", new JsonObject { ["contained"] = true, ["remaining"] = new JsonArray(), ["newResources"] = new JsonArray() });
        return c.Directory;
    }

    private static async Task<(string Md, JsonNode Json, string Ja)> Report(string dir) => (
        await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en")),
        JsonNode.Parse(await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Json, "en")))!,
        await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "ja")));

    [Fact]
    public async Task Every_region_read_gives_figures()
    {
        var (md, json, _) = await Report(await Case());
        Assert.Contains("The attacker created 0 identities and 1 resources in 1 regions, including 1 instances.", md);
        Assert.Contains("The attacker's computing has cost about US$6.12 so far", md);
        Assert.Contains("nothing of the attacker's is still active", md);
        Assert.Equal("complete", (string?)json["summary"]!["sight"]!["verdict"]);
        Assert.True((bool)json["summary"]!["contained"]!);
    }

    [Fact]
    public async Task One_region_not_read_gives_at_least_and_names_the_region_and_why()
    {
        var (md, json, ja) = await Report(await Case("eu-west-1"));
        Assert.Contains("The attacker created at least 0 identities and 1 resources in 1 regions, including 1 instances (events not read: eu-west-1 (InternalFailure)).", md);
        Assert.Contains("has cost at least US$6.12 so far", md);
        Assert.DoesNotContain("nothing of the attacker's is still active", md);
        Assert.Equal("partial", (string?)json["summary"]!["sight"]!["verdict"]);
        Assert.Equal("eu-west-1", (string?)json["summary"]!["sight"]!["unread"]![0]!["region"]);
        Assert.False((bool)json["summary"]!["contained"]!);
        Assert.Contains("攻撃者は少なくとも", ja);
        Assert.Contains("eu-west-1 (InternalFailure)", ja);
    }

    [Fact]
    public async Task No_region_read_says_unknown_and_why_never_zero_or_contained()
    {
        var (md, json, ja) = await Report(await Case(Regions));
        var summary = md[..md.IndexOf("\n## ", md.IndexOf("## ", StringComparison.Ordinal) + 3, StringComparison.Ordinal)];
        Assert.Contains("What the attacker created is unknown, because no events could be read (ap-northeast-1 (InternalFailure), eu-west-1 (InternalFailure), us-east-1 (InternalFailure))", summary);
        Assert.Contains("What the attacker's computing has cost is unknown", summary);
        Assert.Contains("whether anyone else used it is unknown", summary);
        Assert.Contains("Unknown: no events could be read", summary);
        Assert.DoesNotContain("created 0", summary);
        Assert.DoesNotContain("US$0.00", summary);
        Assert.DoesNotContain("nothing of the attacker's is still active", md);
        Assert.DoesNotContain("Contained", summary);
        Assert.Equal("blind", (string?)json["summary"]!["sight"]!["verdict"]);
        Assert.Equal("unknown", (string?)json["summary"]!["containment"]);
        Assert.False((bool)json["summary"]!["contained"]!);
        Assert.Contains("不明", ja);
    }
}
