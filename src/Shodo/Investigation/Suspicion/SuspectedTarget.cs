namespace Shodo.Investigation.Suspicion;

/// <summary>
/// Something the recorded state strongly suggests is the attacker's while the events that would attribute it could not
/// be read: a principal created in the exposure window with admin-equivalent rights and credentials, or compute launched
/// after it in a region the account never used. Contained only under the authority class <c>contain-suspected</c>,
/// else it waits for a person's decision. <see cref="Kind"/> is a resource type (<see cref="Model.ResourceTypes"/>:
/// <c>iam:user</c>, <c>ec2:instance</c>, <c>ec2:spot-instance-request</c>; a door to the data: <c>rds:shared-snapshot</c>,
/// <c>rds:shared-cluster-snapshot</c>, <c>s3:opened-bucket</c>, <c>ec2:shared-snapshot</c>). Every string from AWS in it may come from the attacker.
/// </summary>
public sealed record SuspectedTarget(string Kind, string Id, string? Region, DateTimeOffset? Created, string Reason)
{
    /// <summary>The command that confirms the candidate and contains it as the attacker's (for a user: respond from it).</summary>
    public string? ConfirmArguments { get; init; }
}
