using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>
/// The report claims only what was seen: "Contained … nothing of the attacker's is still active" only when
/// every source could be read (else it says how far it could see), and "used by someone outside the
/// company" only when a use by someone else was seen.
/// </summary>
public sealed class ReportClaimsTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private const string Key = "AKIAQ3EGRXZL7LEAK5TJ";

    private async Task<string> Report(bool investigationGaps, bool attackerUseSeen, string lang = "en")
    {
        string dir;
        using (var c = Case.Open(_folder.Root, new CaseOptions { Title = "claims", AccountId = "111122223333" }))
        {
            dir = c.Directory;
            var gaps = new JsonArray();
            if (investigationGaps)
                foreach (var region in new[] { "us-east-1", "eu-west-1", "ap-northeast-1" })
                    gaps.Add(new JsonObject
                    {
                        ["source"] = $"lookup:{region}", ["region"] = region, ["kind"] = "Failed", ["code"] = "InternalFailure",
                        ["message"] = "LookupEvents (all events) page 1: We encountered an internal error.",
                    });
            await c.Documents.WriteJsonAsync("coverage.json", new JsonObject
            {
                // ap-southeast-2's events were read: sight is partial, not blind (blind: BlindReportTests)
                ["format"] = "shodo-coverage/1", ["complete"] = true, ["cancelled"] = false, ["regions"] = new JsonArray("us-east-1", "ap-southeast-2"),
                ["gaps"] = new JsonArray(), ["investigation"] = new JsonObject { ["gaps"] = gaps },
            }, "investigate");
            var seen = DateTimeOffset.UtcNow.AddHours(-2);
            await InvestigationFiles.WriteAsync(c, InvestigationFiles.Identities, "shodo-identities/1", "identities", new List<AttackerIdentity>
            {
                new()
                {
                    Id = $"access-key:{Key}", Kind = IdentityKind.AccessKey, Name = Key, AccessKeyId = Key, Owner = "dev-tanaka",
                    Confidence = Confidence.Confirmed, Reason = "the key reported leaked",
                    FirstSeen = attackerUseSeen ? seen : null, LastSeen = attackerUseSeen ? seen : null,
                    SourceIps = attackerUseSeen ? ["185.220.101.47"] : [],
                },
            });
            await c.Journal.AppendAsync("containment.verified", new JsonObject
            {
                ["contained"] = true, ["remaining"] = new JsonArray(), ["newResources"] = new JsonArray(),
            });
        }
        return await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, lang));
    }

    [Fact]
    public async Task Contained_is_claimed_without_reserve_only_when_every_source_was_read()
    {
        var complete = await Report(investigationGaps: false, attackerUseSeen: true);
        Assert.Contains("nothing of the attacker's is still active", complete);

        var withGaps = await Report(investigationGaps: true, attackerUseSeen: true);
        Assert.DoesNotContain("nothing of the attacker's is still active", withGaps);
        Assert.Contains("Contained as far as Shodo could see", withGaps);
        Assert.Contains("3 sources could not be read", withGaps);

        var japanese = await Report(investigationGaps: true, attackerUseSeen: true, lang: "ja");
        Assert.DoesNotContain("攻撃者のものは何も稼働していません", japanese);
        Assert.Contains("3 件の情報源を読めなかった", japanese);
    }

    [Fact]
    public async Task A_leaked_key_no_one_else_was_seen_using_is_not_said_to_have_been_used_by_an_outsider()
    {
        var used = await Report(investigationGaps: false, attackerUseSeen: true);
        Assert.Contains($"The access key {Key} of dev-tanaka was used by someone outside the company", used);

        var unused = await Report(investigationGaps: false, attackerUseSeen: false);
        Assert.DoesNotContain("used by someone outside", unused);
        Assert.Contains($"The access key {Key} of dev-tanaka was reported leaked; the sources read show no use of it by anyone else", unused);
    }
}
