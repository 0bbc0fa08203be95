using System.Text.Json.Nodes;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// An EBS snapshot the collected state shows open to another account (or public) is reported among the data exposures even
/// when no attacker event explains it — blind mode sees it only this way — as a door open to the outside, not attributed,
/// in English and Japanese; the attacker's own share is reported once (attributed), and a snapshot whose permission was
/// not read (past the collection's bound) is not called shared or unshared.
/// </summary>
public sealed class UnexplainedEbsSnapshotShareTests
{
    private const string Region = "ap-northeast-1", Outside = "999988887777";

    private static EbsSnapshotFact Snapshot(string id, IReadOnlyList<string>? permissions) =>
        new(Region, id, "vol-0000000000000a000", false, null, "sha") { CreateVolumePermissions = permissions };

    private static IReadOnlyList<DataExposure> Assess(AccountSnapshot state, params AttackerResource[] resources) =>
        new DataExposureAssessor(state, new ChainResult([], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>())),
            new SourceReach(new HashSet<string>(), null), resources).Assess();

    [Fact]
    public void A_snapshot_open_to_an_outside_account_or_public_with_no_attacker_event_is_reported_as_an_open_door_not_attributed()
    {
        var state = new AccountSnapshot();
        state.EbsSnapshots.Add(Snapshot("snap-0000000000000e001", [Outside, "all"]));
        state.EbsSnapshots.Add(Snapshot("snap-0000000000000e002", []));
        state.EbsSnapshots.Add(Snapshot("snap-0000000000000e003", null));

        var door = Assert.Single(Assess(state), e => e.Kind == "ebs-snapshot");
        Assert.Equal(("snap-0000000000000e001", Region), (door.Name, door.Region));
        Assert.Equal([Outside, "all"], door.SharedWith);
        Assert.Null(door.Reachable);
        Assert.Equal(AccessVerdict.Unknown, door.Accessed);
        Assert.Empty(door.EventIds);
        Assert.Equal(["shared-before-sources"], door.Unknowable);
        Assert.Equal($"Shared with outside account(s) {Outside}, all; the sources do not show who shared it.", door.Explanation);
        Assert.Equal($"外部アカウント {Outside}, all と共有されています。誰が共有したかは記録からはわかりません。", door.Explanations!["ja"]);
    }

    [Fact]
    public void The_attackers_own_share_is_reported_once_as_the_attackers()
    {
        var state = new AccountSnapshot();
        state.EbsSnapshots.Add(Snapshot("snap-0000000000000e001", [Outside]));
        var shared = new AttackerResource
        {
            Id = "r", Type = ResourceTypes.SharedEbsSnapshot, Region = Region, ResourceId = "snap-0000000000000e001",
            Attributes = new JsonObject { ["sharedWith"] = new JsonArray(Outside) }, EventIds = ["e-1"],
        };

        var door = Assert.Single(Assess(state, shared), e => e.Kind == "ebs-snapshot");
        Assert.Equal(AccessVerdict.Accessed, door.Accessed);
        Assert.Equal(["e-1"], door.EventIds);
    }
}
