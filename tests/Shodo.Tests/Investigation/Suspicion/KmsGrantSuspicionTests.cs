using Shodo.Containment;
using Shodo.Containment.Planning;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// Blind: a KMS grant the recorded state shows letting another account's principal use a key of the account is a suspected
/// door when it was made after the exposure began, and is planned as a KMS grant target (revoke-kms-grant, under
/// contain-suspected); an older grant, one for the account's own principals or an AWS service, and one the events already
/// attributed are not suspected.
/// </summary>
public sealed class KmsGrantSuspicionTests
{
    private const string Region = "ap-northeast-1", Account = "111122223333", Outside = "444455556666", Key = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly DateTimeOffset ExposureFrom = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static AccountSnapshot State()
    {
        var state = new AccountSnapshot();
        KmsGrantFact Grant(string id, string grantee, DateTimeOffset made) =>
            new(id, null, grantee, null, Account, ["Decrypt", "CreateGrant"], made, "e");
        state.KmsKeys.Add(new KmsKeyFact(Region, Key, $"arn:aws:kms:{Region}:{Account}:key/{Key}", "CUSTOMER", "Enabled", null,
        [
            Grant("grant-outside-in-window", $"arn:aws:iam::{Outside}:root", ExposureFrom.AddHours(1)),
            Grant("grant-outside-before", $"arn:aws:iam::{Outside}:root", ExposureFrom.AddDays(-10)),
            Grant("grant-own-account", $"arn:aws:iam::{Account}:role/app", ExposureFrom.AddHours(2)),
            Grant("grant-service", "autoscaling.amazonaws.com", ExposureFrom.AddHours(2)),
        ], "e"));
        return state;
    }

    [Fact]
    public void A_grant_made_in_the_window_for_another_account_is_suspected_and_planned_as_a_kms_grant_target()
    {
        var doors = StateSuspicion.OpenDoors(State(), new HashSet<string>(), ExposureFrom).Where(d => d.Kind == ResourceTypes.OutsideKmsGrant).ToList();

        var door = Assert.Single(doors);
        Assert.Equal(($"{Key}/grant-outside-in-window", Region, ExposureFrom.AddHours(1)), (door.Id, door.Region, door.Created!.Value));
        Assert.Contains(Outside, door.Reason);
        Assert.Contains("who made it is unknown", door.Reason);

        var targets = new TargetSet();
        SuspectedTargets.Add(targets, doors);
        var group = Assert.Single(targets.All);
        Assert.True(group.Suspected);
        Assert.Equal(new ContainmentTarget(TargetKinds.KmsGrant, $"{Key}/grant-outside-in-window", Region), group.Target);
    }

    [Fact]
    public void Without_a_known_exposure_start_or_once_attributed_no_grant_is_suspected()
    {
        Assert.DoesNotContain(StateSuspicion.OpenDoors(State(), new HashSet<string>()), d => d.Kind == ResourceTypes.OutsideKmsGrant);
        var attributed = new HashSet<string> { StateSuspicion.Key(ResourceTypes.OutsideKmsGrant, $"{Key}/grant-outside-in-window") };
        Assert.DoesNotContain(StateSuspicion.OpenDoors(State(), attributed, ExposureFrom), d => d.Kind == ResourceTypes.OutsideKmsGrant);
    }
}
