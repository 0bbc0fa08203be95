using System.Text.Json.Nodes;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// A RAM share open to an account outside the organisation is reported among the data exposures even when no attacker event
/// explains it — as a door open to the outside, not attributed to the attacker; the attacker's own share is left to the
/// doors (attacker-resources.json), and a share open only inside the organisation is no door.
/// </summary>
public sealed class ResourceShareExposureTests
{
    private const string Region = "ap-northeast-1", Outside = "999988887777";
    private static readonly DateTimeOffset Since = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static string Arn(string id) => $"arn:aws:ram:{Region}:111122223333:resource-share/{id}";

    private static ResourceShareFact Share(string id, params (string Entity, bool External)[] principals) =>
        new(Region, Arn(id), id, "ACTIVE", true, Since, principals.Select(p => new SharePrincipalFact(p.Entity, p.External, "ASSOCIATED", Since)).ToList(),
            [$"arn:aws:ec2:{Region}:111122223333:subnet/subnet-0abc"], "sha");

    private static IReadOnlyList<DataExposure> Assess(AccountSnapshot state, params AttackerResource[] resources) =>
        new DataExposureAssessor(state, new ChainResult([], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>())),
            new SourceReach(new HashSet<string>(), null), resources).Assess();

    [Fact]
    public void A_share_open_outside_with_no_attacker_event_is_reported_as_an_open_door_not_attributed()
    {
        var state = new AccountSnapshot();
        state.ResourceShares.Add(Share("partner", (Outside, true)));
        state.ResourceShares.Add(Share("inside-only", ("222233334444", false)));

        var door = Assert.Single(Assess(state), e => e.Kind == "ram-share");
        Assert.Equal(Arn("partner"), door.Name);
        Assert.Equal([Outside], door.SharedWith);
        Assert.Null(door.Reachable);
        Assert.Equal(AccessVerdict.Unknown, door.Accessed);
        Assert.Empty(door.EventIds);
        Assert.Equal($"Shared with outside account(s) {Outside}; the sources do not show who shared it.", door.Explanation);
    }

    [Fact]
    public void The_attackers_own_share_is_left_to_the_doors_and_not_repeated()
    {
        var state = new AccountSnapshot();
        state.ResourceShares.Add(Share("partner", (Outside, true)));
        var attackers = new AttackerResource
        {
            Id = "r", Type = ResourceTypes.SharedResourceShare, Region = Region, ResourceId = Arn("partner"),
            Attributes = new JsonObject { ["sharedWith"] = new JsonArray(Outside) },
        };
        Assert.DoesNotContain(Assess(state, attackers), e => e.Kind == "ram-share");
    }
}
