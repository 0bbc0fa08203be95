using Shodo.Containment;
using Shodo.Containment.Planning;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// Blind: an AMI the recorded state shows launchable by another account (or public) is a suspected door only when it was
/// created after the exposure began — an image cannot be shared before it exists — and is then planned as an image door
/// target (close-data-door, under contain-suspected); an older one, a private one, one whose permission was not read and
/// that is not public, and one the events already attributed are not suspected.
/// </summary>
public sealed class SharedImageSuspicionTests
{
    private const string Region = "ap-northeast-1", Outside = "444455556666";
    private static readonly DateTimeOffset ExposureFrom = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static AccountSnapshot State()
    {
        var state = new AccountSnapshot();
        ImageFact Image(string id, DateTimeOffset created, IReadOnlyList<string>? permissions, bool isPublic = false) =>
            new(Region, id, "backup", created, "available", isPublic, [], "e") { LaunchPermissions = permissions };
        state.Images.Add(Image("ami-in-window", ExposureFrom.AddHours(2), [Outside]));
        state.Images.Add(Image("ami-public-not-read", ExposureFrom.AddMinutes(1), null, isPublic: true));
        state.Images.Add(Image("ami-before-window", ExposureFrom.AddDays(-30), [Outside]));
        state.Images.Add(Image("ami-private", ExposureFrom.AddHours(1), []));
        state.Images.Add(Image("ami-not-read", ExposureFrom.AddHours(1), null));
        return state;
    }

    [Fact]
    public void An_image_created_in_the_window_and_launchable_from_outside_is_suspected_and_planned_as_an_image_door()
    {
        var doors = StateSuspicion.OpenDoors(State(), new HashSet<string>(), ExposureFrom).Where(d => d.Kind == ResourceTypes.SharedImage).ToList();

        Assert.Equal(["ami-in-window", "ami-public-not-read"], doors.Select(d => d.Id).Order(StringComparer.Ordinal));
        var door = doors.Single(d => d.Id == "ami-in-window");
        Assert.Equal((Region, ExposureFrom.AddHours(2)), (door.Region, door.Created!.Value));
        Assert.Contains(Outside, door.Reason);
        Assert.Contains("who shared it is unknown", door.Reason);
        Assert.Contains("all", doors.Single(d => d.Id == "ami-public-not-read").Reason);

        var targets = new TargetSet();
        SuspectedTargets.Add(targets, doors);
        Assert.All(targets.All, g => Assert.True(g.Suspected));
        Assert.Contains(targets.All, g => g.Target == new ContainmentTarget(TargetKinds.Image, "ami-in-window", Region));
    }

    [Fact]
    public void Without_a_known_exposure_start_or_once_attributed_no_image_is_suspected()
    {
        Assert.DoesNotContain(StateSuspicion.OpenDoors(State(), new HashSet<string>()), d => d.Kind == ResourceTypes.SharedImage);
        var attributed = new HashSet<string>
        {
            StateSuspicion.Key(ResourceTypes.SharedImage, "ami-in-window"), StateSuspicion.Key(ResourceTypes.SharedImage, "ami-public-not-read"),
        };
        Assert.DoesNotContain(StateSuspicion.OpenDoors(State(), attributed, ExposureFrom), d => d.Kind == ResourceTypes.SharedImage);
    }
}
