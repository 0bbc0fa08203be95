using Shodo.Containment;
using Shodo.Containment.Planning;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// Blind: an EBS snapshot the recorded state shows open to another account (or public) is a suspected door only when it was
/// started after the exposure began — a snapshot cannot be shared before it exists — and is then planned as an EBS snapshot
/// door target (close-data-door, under contain-suspected); an older one, a private one, one whose permission was not read
/// and one the events already attributed are not suspected.
/// </summary>
public sealed class SharedEbsSnapshotSuspicionTests
{
    private const string Region = "ap-northeast-1", Outside = "444455556666";
    private static readonly DateTimeOffset ExposureFrom = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static AccountSnapshot State()
    {
        var state = new AccountSnapshot();
        EbsSnapshotFact Snap(string id, DateTimeOffset started, IReadOnlyList<string>? permissions) =>
            new(Region, id, "vol-0000000000000a000", true, null, "e") { StartTime = started, CreateVolumePermissions = permissions };
        state.EbsSnapshots.Add(Snap("snap-in-window", ExposureFrom.AddHours(2), [Outside]));
        state.EbsSnapshots.Add(Snap("snap-public-in-window", ExposureFrom.AddMinutes(1), ["all"]));
        state.EbsSnapshots.Add(Snap("snap-before-window", ExposureFrom.AddDays(-30), [Outside]));
        state.EbsSnapshots.Add(Snap("snap-private", ExposureFrom.AddHours(1), []));
        state.EbsSnapshots.Add(Snap("snap-not-read", ExposureFrom.AddHours(1), null));
        return state;
    }

    [Fact]
    public void A_snapshot_started_in_the_window_and_open_to_another_account_is_suspected_and_planned_as_an_ebs_snapshot_door()
    {
        var doors = StateSuspicion.OpenDoors(State(), new HashSet<string>(), ExposureFrom).Where(d => d.Kind == ResourceTypes.SharedEbsSnapshot).ToList();

        Assert.Equal(["snap-in-window", "snap-public-in-window"], doors.Select(d => d.Id).Order(StringComparer.Ordinal));
        var door = doors.Single(d => d.Id == "snap-in-window");
        Assert.Equal((Region, ExposureFrom.AddHours(2)), (door.Region, door.Created!.Value));
        Assert.Contains(Outside, door.Reason);
        Assert.Contains("who shared it is unknown", door.Reason);

        var targets = new TargetSet();
        SuspectedTargets.Add(targets, doors);
        Assert.All(targets.All, g => Assert.True(g.Suspected));
        Assert.Contains(targets.All, g => g.Target == new ContainmentTarget(TargetKinds.EbsSnapshot, "snap-in-window", Region));
    }

    [Fact]
    public void Without_a_known_exposure_start_or_once_attributed_no_snapshot_is_suspected()
    {
        Assert.DoesNotContain(StateSuspicion.OpenDoors(State(), new HashSet<string>()), d => d.Kind == ResourceTypes.SharedEbsSnapshot);
        var attributed = new HashSet<string>
        {
            StateSuspicion.Key(ResourceTypes.SharedEbsSnapshot, "snap-in-window"), StateSuspicion.Key(ResourceTypes.SharedEbsSnapshot, "snap-public-in-window"),
        };
        Assert.DoesNotContain(StateSuspicion.OpenDoors(State(), attributed, ExposureFrom), d => d.Kind == ResourceTypes.SharedEbsSnapshot);
    }
}
