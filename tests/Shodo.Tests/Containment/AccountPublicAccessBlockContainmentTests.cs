using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;
using Shodo.Range.State.S3;

namespace Shodo.Tests.Containment;

/// <summary>
/// The account's Block Public Access the attacker weakened is a data door: closed within close-data-door by S3 Control
/// PutPublicAccessBlock turning all four settings on (the account's settings journaled first), and <c>shodo rollback</c> puts
/// back exactly the journaled settings — through Shodo's own S3 Control client against the range. Nothing deleted.
/// </summary>
public sealed class AccountPublicAccessBlockContainmentTests
{
    private static readonly AuthorityPolicy ClosesDoors =
        new(new HashSet<string>(AuthorityPolicy.DefaultResponder) { "close-data-door" }, null);

    private static S3PublicAccessBlock? Setting(LeakedKeyRange env)
    {
        lock (env.Range.State.Sync) return env.Range.State.AccountPublicAccessBlock;
    }

    /// <summary>attacker-resources.json gains the weakened setting, as the investigation finds it.</summary>
    private static async Task AddWeakenedAsync(LeakedKeyRange env, Case @case)
    {
        var resources = InvestigationFiles.ReadResources(@case.Folder).Append(new AttackerResource
        {
            Id = $"{ResourceTypes.WeakenedAccountPublicAccessBlock}::{env.Truth.AccountId}", Type = ResourceTypes.WeakenedAccountPublicAccessBlock,
            ResourceId = env.Truth.AccountId, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "weakened",
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            Attributes = new JsonObject { ["turnedOff"] = new JsonArray("IgnorePublicAcls", "RestrictPublicBuckets"), ["openNow"] = true },
        }).ToList();
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    [Fact]
    public async Task The_weakened_account_setting_is_turned_fully_on_within_close_data_door_and_rollback_puts_back_exactly_the_journaled_one()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var weakened = new S3PublicAccessBlock(BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false);
        lock (env.Range.State.Sync) env.Range.State.AccountPublicAccessBlock = weakened;
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddWeakenedAsync(env, contain.Case);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door" && a.Target.Kind == TargetKinds.AccountPublicAccessBlock);
            Assert.Equal(new ContainmentTarget(TargetKinds.AccountPublicAccessBlock, env.Truth.AccountId, null), door.Target);
            Assert.Equal((AuthorityLevel.Responder, true), (door.Authority, door.Reversible));

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            Assert.Equal(new S3PublicAccessBlock(true, true, true, true), Setting(env));
            Assert.Equal(["PutAccountPublicAccessBlock"], env.ResponderChanges().Where(c => c.Operation.Contains("AccountPublicAccessBlock")).Select(c => c.Operation));
            var journaled = contain.Recorder.Ledger.Before(door.Id)!["publicAccessBlock"]!;
            Assert.Equal(("false", "false"), (journaled["IgnorePublicAcls"]!.ToJsonString(), journaled["RestrictPublicBuckets"]!.ToJsonString()));

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(weakened, Setting(env));

            // The report's doors table says what was done to the account's setting, in English and Japanese.
            await contain.Case.Documents.WriteJsonAsync(InvestigationFiles.Impact, InvestigationFiles.ToNode(new Impact
            {
                Cost = new CostEstimate { PriceTable = "none", AsOf = DateTimeOffset.UtcNow },
            }), "investigate", default);
            foreach (var (lang, closed, back) in new[] { ("en", "(removed: all)", "re-opened by shodo rollback"), ("ja", "（削除した共有先: all）", "shodo rollback により再び開かれました") })
            {
                var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(contain.Case, Shodo.Reports.ReportFormat.Markdown, lang));
                var row = md.Split('\n').Single(l => l.StartsWith($"| {env.Truth.AccountId} | {ResourceTypes.WeakenedAccountPublicAccessBlock} | - |", StringComparison.Ordinal));
                Assert.Contains(closed, row);
                Assert.Contains(back, row);
            }
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }

    [Fact]
    public async Task An_account_the_attacker_left_with_none_gets_all_four_on_and_rollback_all_four_off_never_a_delete()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        lock (env.Range.State.Sync) env.Range.State.AccountPublicAccessBlock = null;
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddWeakenedAsync(env, contain.Case);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Target.Kind == TargetKinds.AccountPublicAccessBlock);
            await contain.ApplyAsync(plan, sha);
            Assert.Equal(new S3PublicAccessBlock(true, true, true, true), Setting(env));
            Assert.Null(contain.Recorder.Ledger.Before(door.Id)!["publicAccessBlock"]);

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(new S3PublicAccessBlock(false, false, false, false), Setting(env));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }
}
