using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>
/// The current state after containment is what verification recorded, not the state before it: stopped instances
/// are shown stopped and their hourly price as avoided, a one-time Spot instance isolated for a decision is shown
/// running and billing, and the account is "contained" only when nothing of the attacker's still runs or waits.
/// </summary>
public sealed class CurrentStateReportTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private const string StoppedA = "i-0aaa1111bbbb2222c", StoppedB = "i-0ddd3333eeee4444f", Spot = "i-0fff5555aaaa6666b";

    private async Task<string> Case(bool spotIsolated)
    {
        using var c = Shodo.Cases.Case.Open(_folder.Root, new CaseOptions { Title = "state", AccountId = "111122223333" });
        await c.Documents.WriteJsonAsync("coverage.json", new JsonObject
        {
            ["format"] = "shodo-coverage/1", ["complete"] = true, ["regions"] = new JsonArray("us-east-1", "eu-west-1"),
            ["gaps"] = new JsonArray(), ["investigation"] = new JsonObject { ["complete"] = true, ["gaps"] = new JsonArray() },
        }, "investigate");
        var now = DateTimeOffset.UtcNow;
        InstanceCost Cost(string id, string region, string type, string market, decimal price) => new(id, region, type, market, "running", price, 2, price * 2);
        var instances = new List<InstanceCost>
        {
            Cost(StoppedA, "us-east-1", "p3.2xlarge", "on-demand", 3.06m),
            Cost(StoppedB, "us-east-1", "c5.24xlarge", "on-demand", 4.08m),
        };
        if (spotIsolated) instances.Add(Cost(Spot, "eu-west-1", "g4dn.12xlarge", "spot-one-time", 1.76m));
        var impact = InvestigationFiles.ToNode(new Impact
        {
            Cost = new CostEstimate
            {
                PriceTable = "test", AsOf = now, Instances = instances, TotalSoFar = instances.Sum(i => i.CostSoFar ?? 0),
                BurnRatePerHour = instances.Sum(i => i.PricePerHour ?? 0),
            },
        }).AsObject();
        impact["format"] = "shodo-impact/1";
        await c.Documents.WriteJsonAsync(InvestigationFiles.Impact, impact, "investigate");
        await InvestigationFiles.WriteAsync(c, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources",
            instances.Select(i => new AttackerResource
            {
                Id = $"ec2-instance:{i.Region}:{i.ResourceId}", Type = ResourceTypes.Instance, Region = i.Region, ResourceId = i.ResourceId, State = "running",
            }).ToList());

        async Task Act(string action, string region, string id, string outcome, string? after)
        {
            var actionId = $"{action}/ec2-instance:{region}:{id}";
            var target = $"ec2-instance:{region}:{id}";
            await c.Journal.AppendAsync("containment.before", new JsonObject { ["actionId"] = actionId, ["target"] = target, ["state"] = new JsonObject { ["state"] = "running" } });
            await c.Journal.AppendAsync("containment.outcome", new JsonObject
            {
                ["actionId"] = actionId, ["outcome"] = outcome, ["after"] = after is null ? null : new JsonObject { ["state"] = after },
                ["reason"] = outcome == "needs-decision" ? "a one-time Spot instance cannot be stopped; terminating it is a person's decision" : null,
            });
        }
        await Act("stop-instance", "us-east-1", StoppedA, "done", "stopped");
        await Act("stop-instance", "us-east-1", StoppedB, "done", "stopped");
        if (spotIsolated) await Act("isolate-instance", "eu-west-1", Spot, "needs-decision", "running");
        await c.Journal.AppendAsync("containment.verified", new JsonObject
        {
            ["contained"] = true, ["remaining"] = new JsonArray(), ["newResources"] = new JsonArray(),
        });
        return c.Directory;
    }

    [Fact]
    public async Task An_isolated_but_running_instance_makes_the_account_partly_contained_and_its_price_still_billing()
    {
        var dir = await Case(spotIsolated: true);
        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));
        Assert.DoesNotContain("nothing of the attacker's is still active", md);
        Assert.Contains("Partly contained", md);
        Assert.Contains(Spot, md[md.IndexOf("Partly contained", StringComparison.Ordinal)..]);
        Assert.Contains($"{StoppedA} (stopped)", md);
        Assert.Contains($"{Spot} (isolated, still running and billing)", md);
        Assert.DoesNotContain($"{StoppedA} (running)", md);
        Assert.Contains("| Per hour avoided by stopping | US$7.14 |", md);
        Assert.Contains("| Per hour still spent after containment | US$1.76 |", md);
        Assert.Contains("Containment stopped 2 running instances, avoiding US$7.14 per hour; 1 of the attacker's instances still run", md);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Json, "en")))!;
        Assert.False((bool)json["summary"]!["contained"]!);
        Assert.Equal("partly-contained", (string?)json["summary"]!["containment"]);
        Assert.Equal(7.14m, (decimal)json["currentState"]!["perHourAvoided"]!);
        Assert.Equal(1.76m, (decimal)json["currentState"]!["perHourStillBilling"]!);
        var spot = json["currentState"]!["instances"]!.AsArray().Single(i => (string?)i!["instanceId"] == Spot)!;
        Assert.Equal("isolated-running", (string?)spot["status"]);
        Assert.True((bool)spot["billing"]!);

        var ja = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "ja"));
        Assert.Contains("一部のみ封じ込め", ja);
        Assert.DoesNotContain("封じ込め済み:", ja);
        Assert.Contains($"{Spot} (隔離済み・稼働中（課金継続）)", ja);
    }

    [Fact]
    public async Task Everything_stopped_and_every_source_read_is_contained_with_nothing_still_billing()
    {
        var dir = await Case(spotIsolated: false);
        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));
        Assert.Contains("nothing of the attacker's is still active", md);
        Assert.Contains("| Per hour still spent after containment | US$0.00 |", md);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Json, "en")))!;
        Assert.True((bool)json["summary"]!["contained"]!);
        Assert.Equal("contained", (string?)json["currentState"]!["verdict"]);
    }
}
