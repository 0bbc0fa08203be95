using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Doors;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;

namespace Shodo.Tests.Containment;

/// <summary>
/// The key policy the attacker opened to its outside account in leaked-key-cryptomining (ground truth kmsKeyPolicies) is
/// a data door: closed within close-data-door by PutKeyPolicy taking the outside account's statement out (the account's own
/// statement stays), the whole policy journaled first; <c>shodo rollback</c> puts back exactly the journaled policy; the
/// report's doors table says which key, whom, since when and what was done, in English and Japanese. Nothing deleted.
/// </summary>
public sealed class KmsKeyPolicyContainmentTests
{
    private static readonly AuthorityPolicy ClosesDoors =
        new(new HashSet<string>(AuthorityPolicy.DefaultResponder) { "close-data-door" }, null);

    private static string Policy(LeakedKeyRange env, string region, string key)
    {
        lock (env.Range.State.Sync) return env.Range.State.Kms(region).Find(key)!.Policy;
    }

    /// <summary>attacker-resources.json gains the opened key policy, as the investigation finds it.</summary>
    private static async Task AddOpenedKeyPolicyAsync(LeakedKeyRange env, Case @case, DateTimeOffset since)
    {
        var k = Assert.Single(env.Truth.KmsKeyPolicies);
        var resources = InvestigationFiles.ReadResources(@case.Folder).Append(new AttackerResource
        {
            Id = $"{ResourceTypes.OpenedKeyPolicy}:{k.Region}:{k.KeyId}", Type = ResourceTypes.OpenedKeyPolicy, Region = k.Region,
            ResourceId = k.KeyId, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "opened", CreatedAt = since,
            Attributes = new JsonObject { ["keyId"] = k.KeyId, ["sharedWith"] = new JsonArray(k.OpenTo.Select(a => (JsonNode)a!).ToArray()), ["openNow"] = true },
        }).ToList();
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    [Fact]
    public async Task The_outside_account_s_statement_is_taken_out_within_close_data_door_and_rollback_puts_back_the_policy_exactly()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var k = Assert.Single(env.Truth.KmsKeyPolicies);
        var before = Policy(env, k.Region, k.KeyId);
        var since = env.Truth.Events.Single(e => e.EventName == "PutKeyPolicy").Time;
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddOpenedKeyPolicyAsync(env, contain.Case, since);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door" && a.Target.Kind == TargetKinds.KmsKeyPolicy);
            Assert.Equal(new ContainmentTarget(TargetKinds.KmsKeyPolicy, k.KeyId, k.Region), door.Target);
            Assert.Equal((AuthorityLevel.Responder, true), (door.Authority, door.Reversible));
            Assert.Equal(["444455556666"], door.Parameters["openTo"]!.AsArray().Select(v => (string)v!));

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            var after = JsonNode.Parse(Policy(env, k.Region, k.KeyId))!["Statement"]!.AsArray();
            // Only the outside account's statement went; the account's own statement is exactly as it was.
            var kept = Assert.Single(after)!;
            Assert.Equal($"arn:aws:iam::{env.Truth.AccountId}:root", (string?)kept["Principal"]!["AWS"]);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(before)!["Statement"]![0], kept));
            Assert.Equal(["PutKeyPolicy"], env.ResponderChanges().Where(c => c.Target.Contains(k.KeyId)).Select(c => c.Operation));
            Assert.Equal(before, (string?)contain.Recorder.Ledger.Before(door.Id)!["policy"]);

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(before, Policy(env, k.Region, k.KeyId));

            await contain.Case.Documents.WriteJsonAsync(InvestigationFiles.Impact, InvestigationFiles.ToNode(new Impact
            {
                Cost = new CostEstimate { PriceTable = "none", AsOf = DateTimeOffset.UtcNow },
            }), "investigate", default);
            foreach (var (lang, closed, back) in new[] { ("en", "(removed: 444455556666)", "re-opened by shodo rollback"), ("ja", "（削除した共有先: 444455556666）", "shodo rollback により再び開かれました") })
            {
                var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(contain.Case, Shodo.Reports.ReportFormat.Markdown, lang));
                var row = md.Split('\n').Single(l => l.StartsWith($"| {k.KeyId} | {ResourceTypes.OpenedKeyPolicy} | {k.Region} | 444455556666 |", StringComparison.Ordinal));
                Assert.Contains(closed, row);
                Assert.Contains(back, row);
            }
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }

    [Fact]
    public void Closing_takes_out_only_the_outside_principals_and_drops_a_statement_left_with_none()
    {
        var policy = JsonNode.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"own","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"mixed","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:role/app","arn:aws:iam::444455556666:user/x"]},"Action":"kms:Decrypt","Resource":"*"},
              {"Sid":"outside","Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"kms:Decrypt","Resource":"*"},
              {"Sid":"anyone","Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"},
              {"Sid":"services","Effect":"Allow","Principal":{"Service":"logs.amazonaws.com","AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:Encrypt","Resource":"*"},
              {"Sid":"deny","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:ScheduleKeyDeletion","Resource":"*"}]}
            """)!.AsObject();
        var door = new KmsKeyPolicyDoor();
        var state = new JsonObject { ["owner"] = "111122223333", ["policy"] = policy.ToJsonString() };
        Assert.Equal(["444455556666", "all"], door.OpenTo(state));

        var closed = KmsKeyPolicyDoor.Without(policy, door.OpenTo(state), "111122223333");

        var statements = closed["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["own", "mixed", "services", "deny"], statements.Select(s => (string?)s["Sid"]));
        Assert.Equal("arn:aws:iam::111122223333:role/app", (string?)statements[1]["Principal"]!["AWS"]);
        Assert.Equal("""{"Service":"logs.amazonaws.com"}""", statements[2]["Principal"]!.ToJsonString());
        Assert.Empty(door.OpenTo(new JsonObject { ["owner"] = "111122223333", ["policy"] = closed.ToJsonString() }));
    }
}
