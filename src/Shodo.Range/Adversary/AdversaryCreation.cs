namespace Shodo.Range.Adversary;

/// <summary>
/// Something the live adversary created after the scenario played (so it is in no static ground
/// truth): kind <c>user</c>, <c>access-key</c>, <c>session-key</c> or <c>instance</c>, with its id and
/// region (null for IAM), and the access key id of the credential that created it (<see cref="By"/>). Drills add these to the
/// scenario's ground truth to score an investigation. <see cref="AccountId"/> is the account it was created in (in an
/// organisation, a member the attacker entered).
/// </summary>
public sealed record AdversaryCreation(string Kind, string Id, string? Region, DateTimeOffset At, string? By = null,
    string? AccountId = null);
